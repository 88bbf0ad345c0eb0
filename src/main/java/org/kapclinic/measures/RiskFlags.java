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
class RiskFlags {

	static final String RESOURCE = "RiskFlag";

	static final String REVIEW_RESOURCE = "RiskFlagReview";

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
				update measures.risk_flag set detail = detail || '; ' || ?, last_raised_at = ?
				where patient_id = ? and code = ? and closed_at is null""")
			.params(detail, Timestamp.from(at), patientId, code)
			.update();
		if (appended == 0) {
			UUID id = UUID.randomUUID();
			this.jdbc
				.sql("""
						insert into measures.risk_flag (id, patient_id, code, measurement_id, raised_at, detail, last_raised_at)
						values (?, ?, ?, ?, ?, ?, ?)""")
				.params(id, patientId, code, measurementId, Timestamp.from(at), detail, Timestamp.from(at))
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
								: "Review: " + FlagLabels.title(code) + " (assessment and plan)",
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
			.list()
			.stream()
			.map(this::withReviews)
			.toList();
	}

	/**
	 * Records a dated review of an open flag: the clinician's safety assessment and plan
	 * while the flag stays open (a same-day review lets a dose go ahead, see
	 * {@link #unreviewedToday}). Completes the flag's review task.
	 */
	public RiskFlagReview review(UUID flagId, String assessment, String plan) {
		RiskFlag flag = lockOpenFlagForClinician(flagId, assessment, plan, "reviews");
		StaffMember user = this.access.requireClinical(flag.patientId());
		RiskFlagReview review = new RiskFlagReview(UUID.randomUUID(), flagId, assessment.trim(), plan.trim(),
				Instant.now(this.clock), user.id());
		this.jdbc
			.sql("""
					insert into measures.risk_flag_review (id, flag_id, patient_id, assessment, plan, reviewed_at, reviewed_by)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(review.id(), flagId, flag.patientId(), review.assessment(), review.plan(),
					Timestamp.from(review.reviewedAt()), user.id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, REVIEW_RESOURCE, review.id())
			.patient(flag.patientId())
			.category(DataCategory.CLINICAL)
			.detail(flag.code() + " flag " + flagId + " reviewed with safety assessment and plan"));
		this.tasks.completeBySource(RESOURCE, flagId, user.id(), "flag reviewed with safety assessment and plan");
		return review;
	}

	/**
	 * True when the patient has an open suicide-risk flag without a review on the current
	 * clinic day (clinic time zone) made after its latest risk answer. For the dosing
	 * gate; the caller has checked its own access rule.
	 */
	@Transactional(readOnly = true)
	public boolean unreviewedToday(UUID patientId) {
		ZoneId zone = this.clinicTime.timeZone();
		Instant startOfDay = this.clinicTime.today(this.clock).atStartOfDay(zone).toInstant();
		return this.jdbc.sql("""
				select exists (select 1 from measures.risk_flag f
				    where f.patient_id = ? and f.code = ? and f.closed_at is null
				      and not exists (select 1 from measures.risk_flag_review r
				          where r.flag_id = f.id and r.reviewed_at >= ? and r.reviewed_at >= f.last_raised_at))""")
			.params(patientId, SUICIDE_RISK, Timestamp.from(startOfDay))
			.query(Boolean.class)
			.single();
	}

	/** Closes a flag with the clinician's documented safety assessment and plan. */
	public RiskFlag close(UUID flagId, String assessment, String plan) {
		RiskFlag flag = lockOpenFlagForClinician(flagId, assessment, plan, "closes");
		StaffMember user = this.access.requireClinical(flag.patientId());
		this.jdbc
			.sql("update measures.risk_flag set closed_at = ?, closed_by = ?, assessment = ?, plan = ? where id = ?")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), assessment.trim(), plan.trim(), flagId)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, flagId)
			.patient(flag.patientId())
			.category(DataCategory.CLINICAL)
			.detail("closed with safety assessment and plan"));
		this.tasks.completeBySource(RESOURCE, flagId, user.id(), "flag closed with safety assessment and plan");
		return withReviews(this.jdbc.sql("select * from measures.risk_flag where id = ?")
			.param(flagId)
			.query((rs, n) -> map(rs))
			.single());
	}

	/**
	 * The open flag, locked, once the user is shown to be a clinician on the care team
	 * and has documented both an assessment and a plan (the same rule to close or
	 * review).
	 */
	private RiskFlag lockOpenFlagForClinician(UUID flagId, String assessment, String plan, String verb) {
		RiskFlag flag = this.jdbc.sql("select * from measures.risk_flag where id = ? for update")
			.param(flagId)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, flagId));
		StaffMember user = this.access.requireClinical(flag.patientId());
		if (!(user.has(Role.PRESCRIBER) || user.has(Role.NURSE) || user.has(Role.THERAPIST))) {
			throw new AccessDeniedException("Only a clinician " + verb + " a risk flag");
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
		return flag;
	}

	private RiskFlag withReviews(RiskFlag flag) {
		List<RiskFlagReview> reviews = this.jdbc
			.sql("select * from measures.risk_flag_review where flag_id = ? order by reviewed_at, id")
			.param(flag.id())
			.query((rs, n) -> new RiskFlagReview(rs.getObject("id", UUID.class), flag.id(), rs.getString("assessment"),
					rs.getString("plan"), rs.getTimestamp("reviewed_at").toInstant(),
					rs.getObject("reviewed_by", UUID.class)))
			.list();
		return new RiskFlag(flag.id(), flag.patientId(), flag.code(), flag.measurementId(), flag.raisedAt(),
				flag.detail(), flag.closedAt(), flag.closedBy(), flag.assessment(), flag.plan(), flag.lastRaisedAt(),
				reviews);
	}

	private static RiskFlag map(ResultSet rs) throws SQLException {
		Timestamp closed = rs.getTimestamp("closed_at");
		return new RiskFlag(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("code"), rs.getObject("measurement_id", UUID.class),
				rs.getTimestamp("raised_at").toInstant(), rs.getString("detail"),
				(closed != null) ? closed.toInstant() : null, rs.getObject("closed_by", UUID.class),
				rs.getString("assessment"), rs.getString("plan"), rs.getTimestamp("last_raised_at").toInstant(),
				List.of());
	}

	/**
	 * How many patients had a flag of this code raised since {@code since} (for aggregate
	 * reports, which check their role and audit themselves).
	 */
	int patientsRaised(String code, java.time.Instant since) {
		return this.jdbc
			.sql("select count(distinct patient_id) from measures.risk_flag where code = ? and raised_at >= ?")
			.params(code, java.sql.Timestamp.from(since))
			.query(Integer.class)
			.single();
	}

}
