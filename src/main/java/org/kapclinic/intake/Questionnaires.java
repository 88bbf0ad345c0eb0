package org.kapclinic.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Validator;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's own intake questionnaire (issue 14): kept as the patient answered it,
 * drafts until they send it; sending merges it into the clinician's intake draft
 * ({@link PatientQuestionnaire#mergeInto}), which staff then complete and submit.
 */
@Service
@Transactional
class Questionnaires {

	static final String RESOURCE = "IntakeQuestionnaire";

	private static final Set<String> HELPED = Set.of("yes", "partly", "no", "side-effects");

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Validator validator;

	private final IntakeService intakes;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final Clock clock;

	Questionnaires(JdbcClient jdbc, JsonMapper json, Validator validator, IntakeService intakes, CareTeamAccess access,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.validator = validator;
		this.intakes = intakes;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The patient's draft or sent answers, read through their link (no access check
	 * here).
	 */
	@Transactional(readOnly = true)
	Optional<Stored> forPatient(UUID patientId) {
		Optional<Stored> stored = load(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, patientId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.actor(PatientLinks.PATIENT_ACTOR));
		return stored;
	}

	/** What the patient sent, for their care team (access-checked, audited). */
	@Transactional(readOnly = true)
	public Optional<Stored> forStaff(UUID patientId) {
		this.access.requireClinical(patientId);
		Optional<Stored> stored = load(patientId);
		stored.ifPresent((s) -> this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, patientId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)));
		return stored;
	}

	/**
	 * Saves the patient's answers; {@code send} merges them into the intake draft. Bad
	 * answers are refused as a whole with field messages, nothing saved.
	 */
	void save(UUID patientId, PatientQuestionnaire answers, boolean send) {
		List<FieldProblem> problems = problems(answers);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		boolean existed = load(patientId).isPresent();
		this.jdbc.sql("""
				insert into intake.questionnaire (patient_id, answers, status, updated_at, submitted_at)
				values (?, ?::jsonb, ?, ?, ?)
				on conflict (patient_id) do update set answers = excluded.answers, status = excluded.status,
				    updated_at = excluded.updated_at, submitted_at = excluded.submitted_at""")
			.params(patientId, this.json.writeValueAsString(answers), send ? "SUBMITTED" : "DRAFT", now,
					send ? now : null)
			.update();
		this.audit.record(AuditEvent.of(existed ? AuditAction.UPDATE : AuditAction.CREATE, RESOURCE, patientId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(send ? "sent" : "draft")
			.actor(PatientLinks.PATIENT_ACTOR));
		if (send) {
			this.intakes.mergeFromPatient(patientId, answers::mergeInto);
		}
	}

	private List<FieldProblem> problems(PatientQuestionnaire answers) {
		List<FieldProblem> problems = new ArrayList<>();
		this.validator.validate(answers)
			.forEach((v) -> problems.add(new FieldProblem(v.getPropertyPath().toString(), v.getMessage())));
		for (Map.Entry<String, String> answer : answers.history().entrySet()) {
			boolean known = java.util.Arrays.stream(ConditionCode.values())
				.anyMatch((c) -> c.name().equals(answer.getKey()));
			if (!known || !PatientQuestionnaire.ANSWERS.contains(answer.getValue())) {
				problems.add(new FieldProblem("history[" + answer.getKey() + "]", "choose yes, no or not sure"));
			}
		}
		for (int i = 0; i < answers.medicines().size(); i++) {
			String name = answers.medicines().get(i).name();
			if (name == null || name.isBlank()) {
				problems.add(new FieldProblem("medicines[" + i + "].name", "write the medicine's name"));
			}
		}
		for (int i = 0; i < answers.pastTreatments().size(); i++) {
			String name = answers.pastTreatments().get(i).name();
			if (name == null || name.isBlank()) {
				problems.add(new FieldProblem("pastTreatments[" + i + "].name", "write what you tried"));
			}
			String helped = answers.pastTreatments().get(i).helped();
			if (helped != null && !HELPED.contains(helped)) {
				problems.add(new FieldProblem("pastTreatments[" + i + "].helped", "choose one of the answers"));
			}
		}
		return problems;
	}

	private Optional<Stored> load(UUID patientId) {
		return this.jdbc
			.sql("select answers::text as answers, status, updated_at, submitted_at from intake.questionnaire"
					+ " where patient_id = ?")
			.param(patientId)
			.query((rs, n) -> new Stored(this.json.readValue(rs.getString("answers"), PatientQuestionnaire.class),
					"SUBMITTED".equals(rs.getString("status")), rs.getTimestamp("updated_at").toInstant(),
					(rs.getTimestamp("submitted_at") != null) ? rs.getTimestamp("submitted_at").toInstant() : null))
			.optional();
	}

	/** The answers as stored, and whether (and when) the patient sent them. */
	public record Stored(PatientQuestionnaire answers, boolean sent, Instant updatedAt, Instant sentAt) {
	}

}
