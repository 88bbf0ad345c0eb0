package org.kapclinic.patient;

import java.time.Clock;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.validation.Validator;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient module's API for other modules. Calls run the same access rules and audit
 * as the patient's own pages: a caller never sees a patient its user could not.
 */
@Service
public class Patients {

	private final PatientService service;

	private final PatientReads reads;

	private final PatientSettings settings;

	private final ClinicTime clinicTime;

	private final Clock clock;

	private final JdbcClient jdbc;

	private final PatientRegistry registry;

	private final PatientExchange exchange;

	private final Validator validator;

	Patients(PatientService service, PatientReads reads, PatientSettings settings, ClinicTime clinicTime, Clock clock,
			JdbcClient jdbc, PatientRegistry registry, PatientExchange exchange, Validator validator) {
		this.exchange = exchange;
		this.validator = validator;
		this.registry = registry;
		this.jdbc = jdbc;
		this.service = service;
		this.reads = reads;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/**
	 * Registers a patient for the signed-in staff member, with the same validation,
	 * access rules and audit as the registration form (a converted consultation request,
	 * say).
	 */
	public PatientView register(PatientDetails details) {
		return this.service.register(details);
	}

	/**
	 * Registers a patient another system sent (a FHIR referral) with the identifiers that
	 * system gave them: first the checks the JSON API's request body gets (Bean
	 * Validation: required names, lengths, phone and e-mail formats) and the identifiers'
	 * form, then {@link #register}: the same rules, duplicate check, access and audit; an
	 * identifier another patient holds makes the referral a duplicate of them. All or
	 * nothing.
	 * @throws org.kapclinic.shared.InvalidInputException with every field problem
	 * @throws PossibleDuplicateException if the person may already be registered
	 */
	@Transactional
	public RegisteredPatient registerReferral(PatientDetails details, List<ExternalIdentifier> identifiers) {
		List<FieldProblem> problems = new ArrayList<>(this.validator.validate(details)
			.stream()
			.map((v) -> new FieldProblem(v.getPropertyPath().toString(), v.getMessage()))
			.toList());
		problems.addAll(ExternalIdentifiers.problems(identifiers));
		if (!problems.isEmpty()) {
			problems.sort(Comparator.comparing(FieldProblem::field));
			throw new InvalidInputException(problems);
		}
		return this.registry.registerReferral(details, identifiers);
	}

	/**
	 * Name, birth date, age and minor status, or empty if there is no such patient.
	 * Neither checks access nor audits: callers check {@link CareTeamAccess} first and
	 * audit their own action on the patient's record.
	 */
	/**
	 * Display names and MRNs of many patients in one query, for lists the caller has
	 * already filtered by its access rule (calendars, worklists).
	 */
	public Map<UUID, PatientName> names(Collection<UUID> patientIds) {
		Map<UUID, PatientName> names = new HashMap<>();
		if (patientIds.isEmpty()) {
			return names;
		}
		this.jdbc.sql("""
				select id, mrn, coalesce(preferred_name, given_name) || ' ' || family_name as name
				from patient.patient where id = any(?)""")
			.param(patientIds.stream().distinct().toArray(UUID[]::new))
			.query((rs, n) -> names.put(rs.getObject("id", UUID.class),
					new PatientName(rs.getString("mrn"), rs.getString("name"))))
			.list();
		return names;
	}

	/**
	 * The patient with this MRN (exactly), for a form where staff type one; no access
	 * check: the caller checks its own role.
	 */
	public Optional<UUID> idOfMrn(String mrn) {
		return this.jdbc.sql("select id from patient.patient where mrn = ?")
			.param((mrn != null) ? mrn.strip() : "")
			.query(UUID.class)
			.optional();
	}

	/** A patient's MRN and display name. */
	public record PatientName(String mrn, String displayName) {
	}

	/**
	 * Who a bill or superbill is for (CMS-1500 items 2, 3 and 5): legal name, birth date
	 * and address, never clinical content.
	 */
	public record BillingContact(UUID id, String mrn, String legalName, LocalDate birthDate, Address address) {

		/** The address on one line, empty parts left out. */
		public String addressLine() {
			if (this.address == null) {
				return "";
			}
			return Stream
				.of(this.address.line1(), this.address.line2(), this.address.city(), this.address.region(),
						this.address.postalCode())
				.filter((part) -> part != null && !part.isBlank())
				.collect(Collectors.joining(", "));
		}

	}

	/**
	 * The patient as billing staff address them. For billing staff, administrators and
	 * the patient themself on the portal (their own superbill); the caller audits what it
	 * prints.
	 */
	@org.springframework.security.access.prepost.PreAuthorize("hasAnyRole('ADMIN', 'BILLING') or @selfAccess.is(#patientId)")
	public Optional<BillingContact> billingContact(UUID patientId) {
		return this.reads.find(patientId)
			.map((r) -> new BillingContact(r.id(), r.mrn(), r.givenName() + " " + r.familyName(), r.birthDate(),
					r.address()));
	}

	/**
	 * The patient's own e-mail address, for messages the clinic sends them (links,
	 * reminders). The caller decides and audits what it sends.
	 */
	public Optional<String> email(UUID patientId) {
		return this.reads.find(patientId).map(PatientRecord::email).filter((email) -> !email.isBlank());
	}

	/**
	 * Birth date, sex and region of many patients at once, for aggregate reports (no
	 * access check, no audit: the report checks its role and audits itself).
	 */
	public List<Demographics> demographics(Collection<UUID> patientIds) {
		return this.jdbc.sql("""
				select id, birth_date, sex_at_birth, address_region from patient.patient where id = any(?)""")
			.param(patientIds.toArray(UUID[]::new))
			.query((rs,
					n) -> new Demographics(rs.getObject("id", UUID.class), rs.getObject("birth_date", LocalDate.class),
							(rs.getString("sex_at_birth") != null) ? SexAtBirth.valueOf(rs.getString("sex_at_birth"))
									: null,
							rs.getString("address_region")))
			.list();
	}

	public Optional<PatientSummary> summary(UUID patientId) {
		LocalDate today = this.clinicTime.today(this.clock);
		return this.reads.find(patientId)
			.map((p) -> new PatientSummary(p.id(), p.mrn(),
					((p.preferredName() != null) ? p.preferredName() : p.givenName()) + " " + p.familyName(),
					p.birthDate(), Period.between(p.birthDate(), today).getYears(),
					PatientRules.isMinor(p.birthDate(), today, this.settings.ageOfMajority()), p.sexAtBirth()));
	}

	/**
	 * The latest weight and height with when each was measured, for weight-based dosing.
	 * Neither checks access nor audits: the caller has checked {@link CareTeamAccess} and
	 * audits its own use.
	 */
	public LatestBody latestBody(UUID patientId) {
		return this.reads.find(patientId).map(PatientRecord::latestBody).orElse(LatestBody.NONE);
	}

	/** The guardians on file (consent checks who signs for a minor). */
	public List<Guardian> guardians(UUID patientId) {
		return this.reads.find(patientId).map(PatientRecord::guardians).orElse(List.of());
	}

	/**
	 * The patient's current care team (members with their roles, oldest first), as the
	 * signed-in user may see it: anyone who may see the patient; audited.
	 * @throws org.kapclinic.shared.NotFoundException if the patient is not visible to the
	 * user
	 */
	public List<CareTeamMember> careTeam(UUID patientId) {
		return this.service.careTeam(patientId);
	}

	/**
	 * The patient's guardians and emergency contact, as the signed-in user may see them
	 * (demographics; audited).
	 * @throws org.kapclinic.shared.NotFoundException if absent or not visible to the user
	 */
	public List<PatientContact> contacts(UUID patientId) {
		return this.exchange.contacts(patientId);
	}

	/**
	 * The patient's weights and heights in force measured in {@code [from, before)}
	 * (either end open when null), newest first, if the signed-in user may see the
	 * patient's clinical content (audited).
	 */
	public List<MeasuredBody> bodyMeasurements(UUID patientId, java.time.Instant from, java.time.Instant before) {
		return this.exchange.bodyMeasurements(patientId, from, before);
	}

	/**
	 * One weight and/or height measurement in force, if the signed-in user may see its
	 * patient's clinical content (audited).
	 * @throws org.kapclinic.shared.NotFoundException if absent, voided or not visible
	 */
	public MeasuredBody bodyMeasurement(UUID measurementId) {
		return this.exchange.bodyMeasurement(measurementId);
	}

	/**
	 * The patient as the signed-in user may see them.
	 * @throws org.kapclinic.shared.NotFoundException if absent or not visible to the user
	 */
	public PatientView find(UUID patientId) {
		return this.service.read(patientId);
	}

	/**
	 * The patient's registration for another system, as the signed-in user may see it
	 * (audited as a read).
	 * @throws org.kapclinic.shared.NotFoundException if absent or not visible to the user
	 */
	public RegisteredPatient registration(UUID patientId) {
		return this.registry.read(patientId);
	}

	/**
	 * The registrations matching the criteria among the patients the signed-in user may
	 * see, ordered by family name, given name and id (audited as a query).
	 */
	public List<RegisteredPatient> search(PatientCriteria criteria, int offset, int limit) {
		return this.registry.search(criteria, offset, limit);
	}

}
