package org.kapclinic.patient;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.Paging;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registering, finding, reading and updating patients, their care teams and body
 * measurements. Every method checks access through {@link PatientAccessPolicy} and writes
 * one audit row per record touched: in the same transaction as a change, and committed
 * before a read returns (see {@code AuditTrail}). Reads that are a single statement run
 * outside a transaction: there is nothing to keep consistent, and no commit to pay for.
 */
@Service
@Transactional
class PatientService {

	private static final String RESOURCE = PatientAccessPolicy.RESOURCE;

	/**
	 * Measurements may be entered slightly ahead of the server clock (device clocks
	 * drift).
	 */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final PatientRepository patients;

	private final PatientReads reads;

	private final PatientSearch search;

	private final PossibleDuplicates duplicates;

	private final CareTeams careTeams;

	private final BodyMeasurements measurements;

	private final PatientAccessPolicy access;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final PatientSettings settings;

	private final ClinicTime clinicTime;

	private final Clock clock;

	PatientService(PatientRepository patients, PatientReads reads, PatientSearch search, PossibleDuplicates duplicates,
			CareTeams careTeams, BodyMeasurements measurements, PatientAccessPolicy access, CurrentUser currentUser,
			AuditTrail audit, PatientSettings settings, ClinicTime clinicTime, Clock clock) {
		this.patients = patients;
		this.reads = reads;
		this.search = search;
		this.duplicates = duplicates;
		this.careTeams = careTeams;
		this.measurements = measurements;
		this.access = access;
		this.currentUser = currentUser;
		this.audit = audit;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/**
	 * Registers a patient, unless they may already be on file: then nothing is created,
	 * each possible match is audited as shown, and {@link PossibleDuplicateException}
	 * carries the matches. With {@code confirmDuplicate} the record is created and its
	 * audit row names the matches the user set aside.
	 */
	PatientView register(PatientDetails details) {
		StaffMember user = this.currentUser.require();
		check(details);
		List<DuplicateMatch> matches = this.duplicates.of(details);
		boolean confirmed = Boolean.TRUE.equals(details.confirmDuplicate());
		if (!matches.isEmpty() && !confirmed) {
			List<DuplicateMatch> shown = new java.util.ArrayList<>();
			for (DuplicateMatch match : matches) {
				// Minimum necessary: a nurse or therapist learns that a match exists, not
				// who
				// it is, unless the patient is on one of their care teams.
				boolean visible = this.access.canSee(user, match.id());
				shown.add(visible ? match : match.withoutIdentity());
				this.audit.recordIndependently(AuditEvent.of(AuditAction.QUERY, RESOURCE, match.id())
					.patient(match.id())
					.category(DataCategory.DEMOGRAPHICS)
					.detail("shown as a possible duplicate at registration (" + match.reasons() + ")"
							+ (visible ? "" : " without name, birth date or MRN (outside the user's care teams)")
							+ "; nothing registered"));
			}
			throw new PossibleDuplicateException(shown);
		}
		Instant now = Instant.now(this.clock);
		Patient patient = this.patients.save(Patient.register(this.patients.nextMrn(), details, now));
		if (PatientAccessPolicy.limitedToCareTeams(user)) {
			// A nurse or therapist who registers a patient would otherwise lose sight of
			// them at once.
			this.careTeams.replace(patient.id(), List.of(user.id()), user.id(), now);
		}
		AuditEvent created = event(AuditAction.CREATE, patient.id(), DataCategory.DEMOGRAPHICS);
		if (!matches.isEmpty()) {
			created = created.detail("registered as a different person after the possible duplicates "
					+ matches.stream().map((m) -> m.mrn() + " (" + m.reasons() + ")").toList()
					+ " were shown and set aside");
		}
		this.audit.record(created);
		return view(patient.id(), user);
	}

	PatientView update(UUID id, PatientDetails details) {
		StaffMember user = this.access.requireVisible(id);
		Patient patient = load(id);
		if (details.version() == null) {
			throw InvalidInputException.of("version", "is required: send the version you edited");
		}
		if (details.version() != patient.version()) {
			throw new VersionConflictException(RESOURCE, id, patient.version());
		}
		check(details);
		patient.apply(details, Instant.now(this.clock));
		this.patients.save(patient);
		this.audit.record(event(AuditAction.UPDATE, id, DataCategory.DEMOGRAPHICS));
		return view(id, user);
	}

	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	PatientView read(UUID id) {
		PatientRecord record = this.reads.find(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
		StaffMember user = this.access.requireVisible(id, record.careTeamIds());
		PatientView view = view(record, user);
		this.audit.record(
				event(AuditAction.READ, id, view.clinicalAccess() ? DataCategory.CLINICAL : DataCategory.DEMOGRAPHICS));
		return view;
	}

	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	SearchPage<PatientListItem> search(String q, int page, int size) {
		Paging.check(page, size);
		Paging.searchText("q", q);
		StaffMember user = this.currentUser.require();
		UUID careTeamOf = PatientAccessPolicy.limitedToCareTeams(user) ? user.id() : null;
		SearchPage<PatientListItem> result = this.search.search(PatientQuery.parse(q), careTeamOf, today(), page, size);
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.DEMOGRAPHICS)
			.patients(result.items().stream().map(PatientListItem::id).toList())
			.detail("q=" + ((q == null) ? "" : q) + " page=" + page + " results=" + result.items().size()));
		return result;
	}

	@Transactional(readOnly = true)
	List<CareTeamMember> careTeam(UUID id) {
		this.access.requireVisible(id);
		this.audit.record(event(AuditAction.READ, id, DataCategory.CARE_TEAM));
		return this.careTeams.current(id);
	}

	List<CareTeamMember> replaceCareTeam(UUID id, List<UUID> members) {
		StaffMember user = this.access.requireCareTeamManager(id);
		load(id);
		String change = this.careTeams.replace(id, members, user.id(), Instant.now(this.clock));
		this.audit.record(event(AuditAction.UPDATE, id, DataCategory.CARE_TEAM).detail(change));
		return this.careTeams.current(id);
	}

	BodyMeasurement recordMeasurement(UUID id, BigDecimal weightKg, BigDecimal heightCm, Instant measuredAt) {
		StaffMember user = this.access.requireMeasurementRecorder(id);
		load(id);
		Instant now = Instant.now(this.clock);
		Instant at = (measuredAt != null) ? measuredAt : now;
		List<FieldProblem> problems = new ArrayList<>();
		if (weightKg == null && heightCm == null) {
			problems.add(new FieldProblem("weightKg", "give a weight, a height, or both"));
		}
		if (at.isAfter(now.plus(CLOCK_SKEW))) {
			problems.add(new FieldProblem("measuredAt", "must not be in the future"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		BodyMeasurement measurement = this.measurements.add(id, weightKg, heightCm, at, user.id(), now);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "BodyMeasurement", measurement.id())
			.patient(id)
			.category(DataCategory.CLINICAL));
		return measurement;
	}

	@Transactional(readOnly = true)
	List<BodyMeasurement> measurements(UUID id) {
		this.access.requireClinical(id);
		load(id);
		this.audit.record(
				AuditEvent.of(AuditAction.READ, "BodyMeasurement", null).patient(id).category(DataCategory.CLINICAL));
		return this.measurements.history(id);
	}

	void voidMeasurement(UUID id, UUID measurementId, String reason) {
		StaffMember user = this.access.requireMeasurementRecorder(id);
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "a reason is required to void a measurement");
		}
		if (!this.measurements.voidMeasurement(id, measurementId, reason.trim(), user.id(), Instant.now(this.clock))) {
			throw new NotFoundException("BodyMeasurement", measurementId);
		}
		this.audit.record(AuditEvent.of(AuditAction.VOID, "BodyMeasurement", measurementId)
			.patient(id)
			.category(DataCategory.CLINICAL)
			.detail(reason.trim()));
	}

	private void check(PatientDetails details) {
		List<FieldProblem> problems = PatientRules.problems(details, today(), this.settings.ageOfMajority());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	private PatientView view(UUID id, StaffMember user) {
		return view(this.reads.find(id).orElseThrow(() -> new NotFoundException(RESOURCE, id)), user);
	}

	private PatientView view(PatientRecord p, StaffMember user) {
		LocalDate today = today();
		boolean clinical = this.access.seesClinical(user, p.id(), p.careTeamIds());
		return new PatientView(p.id(), p.mrn(), p.version(), p.givenName(), p.familyName(), p.preferredName(),
				p.pronouns(), p.birthDate(), Period.between(p.birthDate(), today).getYears(),
				PatientRules.isMinor(p.birthDate(), today, this.settings.ageOfMajority()), p.sexAtBirth(),
				p.genderIdentity(), p.phone(), p.email(), p.address(), p.emergencyContact(), p.primaryCare(),
				p.outsideTherapist(), p.guardians(), this.careTeams.named(p.careTeam()), clinical,
				clinical ? p.latestBody() : null, p.createdAt(), p.updatedAt(), p.identifiers());
	}

	private Patient load(UUID id) {
		return this.patients.findById(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
	}

	private LocalDate today() {
		return this.clinicTime.today(this.clock);
	}

	private static AuditEvent event(AuditAction action, UUID patientId, DataCategory category) {
		return AuditEvent.of(action, RESOURCE, patientId).patient(patientId).category(category);
	}

}
