package org.kapclinic.intake;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.Decision.Outcome;
import org.kapclinic.intake.IntakeView.IntakeStatus;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Screens submitted intakes against the current rule set and records prescribers'
 * decisions.
 */
@Service
@Transactional
class ScreeningService {

	private static final TypeReference<List<Finding>> FINDINGS = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> MITIGATIONS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RuleSets ruleSets;

	private final IntakeService intakes;

	private final CareTeamAccess access;

	private final Patients patients;

	private final AuditTrail audit;

	private final IntakeSettings settings;

	private final Clock clock;

	ScreeningService(JdbcClient jdbc, JsonMapper json, RuleSets ruleSets, IntakeService intakes, CareTeamAccess access,
			Patients patients, AuditTrail audit, IntakeSettings settings, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.ruleSets = ruleSets;
		this.intakes = intakes;
		this.access = access;
		this.patients = patients;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * Evaluates the patient's submitted intake and stores the findings with the rule-set
	 * version.
	 */
	public Screening screen(UUID patientId) {
		StaffMember user = this.access.requireClinical(patientId);
		PatientSummary patient = this.patients.summary(patientId)
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		IntakeView intake = this.intakes.current(patientId)
			.filter((i) -> i.status() == IntakeStatus.SUBMITTED)
			.orElseThrow(() -> new RuleViolationException("Submit the intake before screening.",
					List.of("INTAKE_NOT_SUBMITTED")));
		RuleSet rules = this.ruleSets.current();
		List<Finding> findings = ScreeningEngine.evaluate(rules, intake.answers(), patient.age());
		Screening screening = new Screening(UUID.randomUUID(), patientId, findings, rules.version(), intake.revision(),
				Instant.now(this.clock));
		this.jdbc
			.sql("""
					insert into intake.screening (id, patient_id, rule_set_version, intake_revision, findings, evaluated_at, evaluated_by)
					values (?, ?, ?, ?, ?::jsonb, ?, ?)""")
			.params(screening.id(), patientId, rules.version(), intake.revision(),
					this.json.writeValueAsString(findings), Timestamp.from(screening.evaluatedAt()), user.id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "Screening", screening.id())
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(findings.size() + " findings, rule set " + rules.version()));
		return screening;
	}

	/**
	 * Records a prescriber's decision for one program. Refused (422) when it contradicts
	 * the screening's findings, or when the intake changed after the screening.
	 */
	public Decision decide(UUID screeningId, Program program, Outcome outcome, Map<String, String> mitigations,
			String note) {
		Screening screening = find(screeningId).orElseThrow(() -> new NotFoundException("Screening", screeningId));
		StaffMember user = this.access.requireClinical(screening.patientId());
		if (!user.has(Role.PRESCRIBER)) {
			this.audit.recordIndependently(AuditEvent.of(AuditAction.CREATE, "EligibilityDecision", null)
				.patient(screening.patientId())
				.category(DataCategory.CLINICAL)
				.outcome(AuditOutcome.DENIED)
				.detail("only prescribers decide eligibility"));
			throw new AccessDeniedException("Only prescribers decide eligibility");
		}
		int currentRevision = this.intakes.current(screening.patientId()).map(IntakeView::revision).orElse(-1);
		if (currentRevision != screening.intakeRevision()) {
			throw new RuleViolationException("The intake changed after this screening; screen again.",
					List.of("INTAKE_CHANGED"));
		}
		List<String> contradictions = DecisionRules.contradictions(screening.findingsFor(program), outcome,
				mitigations);
		if (!contradictions.isEmpty()) {
			throw new RuleViolationException(
					"The decision contradicts the screening findings for " + program.label() + ".", contradictions);
		}
		Instant now = Instant.now(this.clock);
		Decision decision = new Decision(UUID.randomUUID(), screeningId, screening.patientId(), program, outcome,
				(mitigations != null) ? Map.copyOf(mitigations) : Map.of(), note, screening.intakeRevision(), now,
				user.id(), now.plus(this.settings.decisionValidity()));
		this.jdbc.sql("""
				insert into intake.eligibility_decision (id, screening_id, patient_id, program, decision, mitigations,
				    note, intake_revision, decided_at, decided_by, expires_at)
				values (?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
			.params(decision.id(), screeningId, decision.patientId(), program.name(), outcome.name(),
					this.json.writeValueAsString(decision.mitigations()), note, decision.intakeRevision(),
					Timestamp.from(now), user.id(), Timestamp.from(decision.expiresAt()))
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "EligibilityDecision", decision.id())
			.patient(decision.patientId())
			.category(DataCategory.CLINICAL)
			.detail(program + " " + outcome));
		return decision;
	}

	@Transactional(readOnly = true)
	public List<Screening> screenings(UUID patientId) {
		this.access.requireClinical(patientId);
		this.audit.record(
				AuditEvent.of(AuditAction.READ, "Screening", null).patient(patientId).category(DataCategory.CLINICAL));
		return this.jdbc.sql("select * from intake.screening where patient_id = ? order by evaluated_at desc")
			.param(patientId)
			.query((rs, n) -> screening(rs))
			.list();
	}

	/**
	 * The newest decision per program, without access checks, for {@link Eligibility}.
	 */
	Optional<Decision> latestDecision(UUID patientId, Program program) {
		return this.jdbc.sql("""
				select * from intake.eligibility_decision where patient_id = ? and program = ?
				order by decided_at desc limit 1""")
			.params(patientId, program.name())
			.query((rs, n) -> decision(rs))
			.optional();
	}

	private Optional<Screening> find(UUID screeningId) {
		return this.jdbc.sql("select * from intake.screening where id = ?")
			.param(screeningId)
			.query((rs, n) -> screening(rs))
			.optional();
	}

	private Screening screening(ResultSet rs) throws SQLException {
		return new Screening(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				this.json.readValue(rs.getString("findings"), FINDINGS), rs.getString("rule_set_version"),
				rs.getInt("intake_revision"), rs.getTimestamp("evaluated_at").toInstant());
	}

	private Decision decision(ResultSet rs) throws SQLException {
		return new Decision(rs.getObject("id", UUID.class), rs.getObject("screening_id", UUID.class),
				rs.getObject("patient_id", UUID.class), Program.valueOf(rs.getString("program")),
				Outcome.valueOf(rs.getString("decision")),
				this.json.readValue(rs.getString("mitigations"), MITIGATIONS), rs.getString("note"),
				rs.getInt("intake_revision"), rs.getTimestamp("decided_at").toInstant(),
				rs.getObject("decided_by", UUID.class), rs.getTimestamp("expires_at").toInstant());
	}

}
