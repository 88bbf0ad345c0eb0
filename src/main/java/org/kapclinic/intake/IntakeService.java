package org.kapclinic.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.IntakeView.IntakeStatus;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Saves and reads intakes. Every save is a new revision kept in history, so a decision
 * can tell whether the intake it relied on has changed since.
 */
@Service
@Transactional
class IntakeService {

	static final String RESOURCE = "Intake";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final DiagnosisCatalog diagnoses;

	private final CareTeamAccess access;

	private final Patients patients;

	private final AuditTrail audit;

	private final IntakeSettings settings;

	private final Clock clock;

	IntakeService(JdbcClient jdbc, JsonMapper json, DiagnosisCatalog diagnoses, CareTeamAccess access,
			Patients patients, AuditTrail audit, IntakeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.diagnoses = diagnoses;
		this.access = access;
		this.patients = patients;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Saves the answers as a draft, or submits them ({@code submit}); returns the stored
	 * intake.
	 */
	public IntakeView save(UUID patientId, IntakeAnswers answers, boolean submit) {
		StaffMember user = this.access.requireClinical(patientId);
		return store(patientId, answers, submit, user.id(), null);
	}

	/**
	 * Adds the patient's questionnaire to the intake draft, kept as a new revision and
	 * audited as the patient's entry. A submitted intake is left as staff submitted it:
	 * they see the questionnaire beside it.
	 */
	void mergeFromPatient(UUID patientId, java.util.function.UnaryOperator<IntakeAnswers> merge) {
		Optional<Stored> existing = load(patientId, true);
		if (existing.map((s) -> s.status() == IntakeStatus.SUBMITTED).orElse(false)) {
			return;
		}
		IntakeAnswers base = existing.map(Stored::answers)
			.orElse(new IntakeAnswers(null, null, null, null, null, null, null, null, null));
		store(patientId, merge.apply(base), false, null, "patient via intake link");
	}

	private IntakeView store(UUID patientId, IntakeAnswers answers, boolean submit, UUID userId, String actor) {
		this.patients.summary(patientId).orElseThrow(() -> new NotFoundException("Patient", patientId));
		List<FieldProblem> problems = IntakeValidation.problems(answers, this.diagnoses, submit);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Optional<Stored> existing = load(patientId, true);
		IntakeStatus status = (submit || existing.map((s) -> s.status() == IntakeStatus.SUBMITTED).orElse(false))
				? IntakeStatus.SUBMITTED : IntakeStatus.DRAFT;
		int revision = existing.map((s) -> s.revision() + 1).orElse(1);
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		Timestamp submittedAt = existing.map(Stored::submittedAt)
			.map(Timestamp::from)
			.orElse((status == IntakeStatus.SUBMITTED) ? now : null);
		String document = this.json.writeValueAsString(answers);
		if (existing.isEmpty()) {
			this.jdbc
				.sql("""
						insert into intake.intake (patient_id, status, revision, answers, submitted_at, updated_at, updated_by)
						values (?, ?, ?, ?::jsonb, ?, ?, ?)""")
				.params(patientId, status.name(), revision, document, submittedAt, now, userId)
				.update();
		}
		else {
			this.jdbc.sql("""
					update intake.intake set status = ?, revision = ?, answers = ?::jsonb, submitted_at = ?,
					    updated_at = ?, updated_by = ?
					where patient_id = ?""")
				.params(status.name(), revision, document, submittedAt, now, userId, patientId)
				.update();
		}
		this.jdbc.sql("""
				insert into intake.intake_revision (patient_id, revision, status, answers, saved_at, saved_by)
				values (?, ?, ?, ?::jsonb, ?, ?)""")
			.params(patientId, revision, status.name(), document, now, userId)
			.update();
		this.audit
			.record(AuditEvent.of(existing.isEmpty() ? AuditAction.CREATE : AuditAction.UPDATE, RESOURCE, patientId)
				.patient(patientId)
				.category(DataCategory.CLINICAL)
				.detail("revision " + revision + " " + status)
				.actor(actor));
		return view(load(patientId, false).orElseThrow());
	}

	@Transactional(readOnly = true)
	public IntakeView read(UUID patientId) {
		this.access.requireClinical(patientId);
		IntakeView view = load(patientId, false).map(this::view)
			.orElseThrow(() -> new NotFoundException(RESOURCE, patientId));
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, patientId)
			.patient(patientId)
			.category(DataCategory.CLINICAL));
		return view;
	}

	/**
	 * The current intake without access checks or audit, for this module's own services.
	 */
	Optional<IntakeView> current(UUID patientId) {
		return load(patientId, false).map(this::view);
	}

	private IntakeView view(Stored stored) {
		int failed = TreatmentResistance.failedAdequateTrials(stored.answers(), this.settings);
		return new IntakeView(stored.patientId(), stored.status(), stored.revision(), stored.answers(),
				failed >= this.settings.failedAdequateTrialsForTreatmentResistance(), failed, stored.submittedAt(),
				stored.updatedAt());
	}

	private Optional<Stored> load(UUID patientId, boolean forUpdate) {
		return this.jdbc
			.sql("select patient_id, status, revision, answers::text as answers, submitted_at, updated_at"
					+ " from intake.intake where patient_id = ?" + (forUpdate ? " for update" : ""))
			.param(patientId)
			.query((rs, n) -> new Stored(rs.getObject("patient_id", UUID.class),
					IntakeStatus.valueOf(rs.getString("status")), rs.getInt("revision"),
					this.json.readValue(rs.getString("answers"), IntakeAnswers.class),
					(rs.getTimestamp("submitted_at") != null) ? rs.getTimestamp("submitted_at").toInstant() : null,
					rs.getTimestamp("updated_at").toInstant()))
			.optional();
	}

	private record Stored(UUID patientId, IntakeStatus status, int revision, IntakeAnswers answers, Instant submittedAt,
			Instant updatedAt) {
	}

}
