package org.kapclinic.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Risk flags raised by answers. One open flag per patient and code: a further risk answer
 * while it is open adds to its detail instead of opening another. Only a clinician closes
 * a flag, and only with a documented safety assessment and plan.
 */
@Service
@Transactional
public class RiskFlags {

	static final String RESOURCE = "RiskFlag";

	static final String REVIEW_TASK = "RISK_REVIEW";

	static final String SUICIDE_RISK = "suicide-risk";

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final CareTasks tasks;

	private final ClinicTime clinicTime;

	private final Clock clock;

	RiskFlags(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit, CareTasks tasks, ClinicTime clinicTime,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.tasks = tasks;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	void raise(UUID patientId, String code, UUID measurementId, String detail, Instant at) {
		int appended = this.jdbc.sql("""
				update measures.risk_flag set detail = detail || '; ' || ?
				where patient_id = ? and code = ? and closed_at is null""").params(detail, patientId, code).update();
		if (appended == 0) {
			UUID id = UUID.randomUUID();
			this.jdbc.sql("""
					insert into measures.risk_flag (id, patient_id, code, measurement_id, raised_at, detail)
					values (?, ?, ?, ?, ?, ?)""")
				.params(id, patientId, code, measurementId, Timestamp.from(at), detail)
				.update();
			this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
				.patient(patientId)
				.category(DataCategory.CLINICAL)
				.detail("URGENT " + code + ": " + detail));
			// Same-day clinician review of suicide risk (clinical.md 4.1): an urgent task
			// for the prescriber and therapist on the care team, due by the end of the
			// clinic's day. Other flags (a positive MDQ) are reviewed as scheduled.
			boolean suicideRisk = SUICIDE_RISK.equals(code);
			this.tasks
				.open(new NewTask(patientId, suicideRisk ? TaskPriority.URGENT : TaskPriority.ROUTINE, REVIEW_TASK,
						suicideRisk ? "Same-day " + code + " review: safety assessment and plan"
								: "Review " + code + " flag: assessment and plan",
						detail, RESOURCE, id, true, suicideRisk ? endOfClinicDay(at) : null,
						Set.of(Role.PRESCRIBER, Role.THERAPIST)));
		}
	}

	private Instant endOfClinicDay(Instant at) {
		ZoneId zone = this.clinicTime.timeZone();
		return at.atZone(zone).toLocalDate().plusDays(1).atStartOfDay(zone).toInstant();
	}

	@Transactional(readOnly = true)
	public List<RiskFlag> open(UUID patientId) {
		this.access.requireClinical(patientId);
		this.audit
			.record(AuditEvent.of(AuditAction.READ, RESOURCE, null).patient(patientId).category(DataCategory.CLINICAL));
		return this.jdbc
			.sql("select * from measures.risk_flag where patient_id = ? and closed_at is null order by raised_at")
			.param(patientId)
			.query((rs, n) -> map(rs))
			.list();
	}

	/** Closes a flag with the clinician's documented safety assessment and plan. */
	public RiskFlag close(UUID flagId, String assessment, String plan) {
		RiskFlag flag = this.jdbc.sql("select * from measures.risk_flag where id = ? for update")
			.param(flagId)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, flagId));
		StaffMember user = this.access.requireClinical(flag.patientId());
		if (!(user.has(Role.PRESCRIBER) || user.has(Role.NURSE) || user.has(Role.THERAPIST))) {
			throw new AccessDeniedException("Only a clinician closes a risk flag");
		}
		if (flag.closedAt() != null) {
			throw new RuleViolationException("This flag is already closed.", List.of("CLOSED"));
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (assessment == null || assessment.isBlank()) {
			problems.add(new FieldProblem("assessment", "document the safety assessment"));
		}
		if (plan == null || plan.isBlank()) {
			problems.add(new FieldProblem("plan", "document the safety plan"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc
			.sql("update measures.risk_flag set closed_at = ?, closed_by = ?, assessment = ?, plan = ? where id = ?")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), assessment.trim(), plan.trim(), flagId)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, flagId)
			.patient(flag.patientId())
			.category(DataCategory.CLINICAL)
			.detail("closed with safety assessment and plan"));
		this.tasks.completeBySource(RESOURCE, flagId, user.id(), "flag closed with safety assessment and plan");
		return this.jdbc.sql("select * from measures.risk_flag where id = ?")
			.param(flagId)
			.query((rs, n) -> map(rs))
			.single();
	}

	private static RiskFlag map(ResultSet rs) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new RiskFlag(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("code"), rs.getObject("measurement_id", UUID.class),
				rs.getTimestamp("raised_at").toInstant(), rs.getString("detail"),
				(closed != null) ? closed.toInstant() : null, rs.getObject("closed_by", UUID.class),
				rs.getString("assessment"), rs.getString("plan"));
	}

}
