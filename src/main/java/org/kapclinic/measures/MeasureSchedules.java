package org.kapclinic.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff attach instruments to a patient with a cadence, and end schedules with a reason
 * (never deleted). A schedule that e-mails links may only hold forms a patient can fill
 * in themselves; clinician-rated and score-entry instruments are scheduled without links.
 */
@Service
@Transactional
class MeasureSchedules {

	static final String RESOURCE = "MeasureSchedule";

	static final String INTERVAL = "INTERVAL";

	static final String DOSE_ANCHORED = "DOSE_ANCHORED";

	private static final int REASON_MAX = 1000;

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final InstrumentLibrary library;

	private final DueMeasures due;

	private final AuditTrail audit;

	private final Clock clock;

	MeasureSchedules(JdbcClient jdbc, CareTeamAccess access, InstrumentLibrary library, DueMeasures due,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.library = library;
		this.due = due;
		this.audit = audit;
		this.clock = clock;
	}

	public MeasureSchedule create(UUID patientId, ScheduleRequest request) {
		StaffMember user = this.access.requireClinical(patientId);
		boolean sendLink = request.sendLink() == null || request.sendLink();
		List<String> instruments = validate(request, sendLink);
		Instant now = Instant.now(this.clock);
		boolean interval = INTERVAL.equals(request.cadence());
		Instant firstDue = (request.firstDueAt() != null) ? request.firstDueAt() : now;
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into measures.schedule (id, patient_id, instruments, cadence, every_days, next_due_at, send_link,
				    created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, instruments.toArray(String[]::new), request.cadence(),
					interval ? request.everyDays() : null, interval ? Timestamp.from(firstDue) : null, sendLink,
					Timestamp.from(now), user.id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(request.cadence() + " " + instruments + (interval ? " every " + request.everyDays() + " d" : "")));
		if (interval) {
			// Show the first occurrence at once rather than at the runner's next pass.
			this.due.materialise(id);
		}
		return find(id);
	}

	@Transactional(readOnly = true)
	public List<MeasureSchedule> list(UUID patientId) {
		this.access.requireClinical(patientId);
		List<MeasureSchedule> schedules = this.jdbc
			.sql("select * from measures.schedule where patient_id = ? order by ended_at is not null, created_at")
			.param(patientId)
			.query((rs, n) -> map(rs))
			.list();
		this.audit
			.record(AuditEvent.of(AuditAction.READ, RESOURCE, null).patient(patientId).category(DataCategory.CLINICAL));
		return schedules;
	}

	/** Ends a schedule with a reason; its open occurrences are cancelled. */
	public MeasureSchedule end(UUID scheduleId, String reason) {
		MeasureSchedule schedule = this.jdbc.sql("select * from measures.schedule where id = ? for update")
			.param(scheduleId)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, scheduleId));
		StaffMember user = this.access.requireClinical(schedule.patientId());
		if (!schedule.active()) {
			throw new RuleViolationException("This schedule has already ended.", List.of("ENDED"));
		}
		if (reason == null || reason.isBlank() || reason.length() > REASON_MAX) {
			throw InvalidInputException.of("reason", "give the reason (1–" + REASON_MAX + " characters)");
		}
		this.jdbc.sql("update measures.schedule set ended_at = ?, ended_by = ?, end_reason = ? where id = ?")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), reason.trim(), scheduleId)
			.update();
		this.due.cancelOpen(scheduleId);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, scheduleId)
			.patient(schedule.patientId())
			.category(DataCategory.CLINICAL)
			.detail("ended: " + reason.trim()));
		return find(scheduleId);
	}

	private List<String> validate(ScheduleRequest request, boolean sendLink) {
		List<FieldProblem> problems = new ArrayList<>();
		LinkedHashSet<String> codes = new LinkedHashSet<>();
		for (String code : (request.instruments() != null) ? request.instruments() : List.<String>of()) {
			Instrument instrument = this.library.find(code).orElse(null);
			if (instrument == null) {
				problems.add(new FieldProblem("instruments", "unknown instrument '" + code + "'"));
			}
			else if (sendLink && instrument.mode() != Instrument.Mode.FORM) {
				problems.add(new FieldProblem("instruments", instrument.code()
						+ " is entered by a clinician (score entry) and cannot be sent to the patient; set sendLink false"));
			}
			else {
				codes.add(instrument.code());
			}
		}
		if (codes.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("instruments", "name at least one instrument"));
		}
		if (INTERVAL.equals(request.cadence())) {
			if (request.everyDays() == null || request.everyDays() < 1 || request.everyDays() > 365) {
				problems.add(new FieldProblem("everyDays", "an interval schedule repeats every 1–365 days"));
			}
			Instant now = Instant.now(this.clock);
			if (request.firstDueAt() != null && request.firstDueAt().isBefore(now.minus(Duration.ofDays(1)))) {
				problems.add(new FieldProblem("firstDueAt", "must not be in the past"));
			}
		}
		else if (DOSE_ANCHORED.equals(request.cadence())) {
			if (request.everyDays() != null) {
				problems.add(new FieldProblem("everyDays", "a dose-anchored schedule follows doses, not days"));
			}
		}
		else {
			problems.add(new FieldProblem("cadence", "must be INTERVAL or DOSE_ANCHORED"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return List.copyOf(codes);
	}

	private MeasureSchedule find(UUID id) {
		return this.jdbc.sql("select * from measures.schedule where id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.single();
	}

	private static MeasureSchedule map(ResultSet rs) throws SQLException {
		Timestamp next = rs.getTimestamp("next_due_at");
		Timestamp ended = rs.getTimestamp("ended_at");
		Integer every = rs.getObject("every_days", Integer.class);
		return new MeasureSchedule(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				List.of((String[]) rs.getArray("instruments").getArray()), rs.getString("cadence"), every,
				(next != null) ? next.toInstant() : null, rs.getBoolean("send_link"),
				rs.getTimestamp("created_at").toInstant(), (ended != null) ? ended.toInstant() : null,
				rs.getString("end_reason"));
	}

}
