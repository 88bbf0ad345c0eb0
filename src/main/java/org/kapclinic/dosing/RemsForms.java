package org.kapclinic.dosing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.SessionGuard.Step;
import org.kapclinic.identity.Role;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Spravato REMS Patient Monitoring Form: outpatient certified settings submit one
 * after every esketamine session, within 7 days, online or by fax (spravatorems.com; FDA
 * REMS 386; clinical.md 2.1 and §9). When a session that gave esketamine closes, a care
 * task is due for the prescribers within 7 days; the clinic records when it submitted the
 * form and the REMS confirmation number, which completes the task. Switchable for
 * inpatient settings ({@code kap.dosing.rems-monitoring-form}).
 */
@Service
@Transactional
class RemsForms {

	/** REMS: the form is submitted within 7 days of the session. */
	static final Duration DUE_WITHIN = Duration.ofDays(7);

	static final String TASK_KIND = "REMS_MONITORING_FORM";

	private final JdbcClient jdbc;

	private final CareTasks tasks;

	private final SessionGuard guard;

	private final AuditTrail audit;

	private final DosingSettings settings;

	private final Clock clock;

	RemsForms(JdbcClient jdbc, CareTasks tasks, SessionGuard guard, AuditTrail audit, DosingSettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.guard = guard;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/** Opens the form's task when an esketamine session that gave a dose has closed. */
	void due(DosingSession session, Instant closedAt) {
		if (session.route() != Route.IN || !this.settings.remsMonitoringForm()) {
			return;
		}
		Instant dueBy = closedAt.plus(DUE_WITHIN);
		this.jdbc.sql("insert into dosing.rems_form (session_id, due_by) values (?, ?) on conflict do nothing")
			.params(session.id(), Timestamp.from(dueBy))
			.update();
		this.tasks.open(new NewTask(session.patientId(), TaskPriority.ROUTINE, TASK_KIND,
				"Submit the Spravato REMS Patient Monitoring Form",
				"Due within 7 days of the session: submit it to the REMS (online or fax), then record the confirmation number on the session's REMS page.",
				SessionGuard.RESOURCE, session.id(), true, dueBy, Set.of(Role.PRESCRIBER),
				"/dosing/sessions/" + session.id() + "/rems", "Record the submission"));
	}

	/** Records the submission (PRESCRIBER or NURSE) and completes the task. */
	public RemsForm submit(UUID sessionId, DosingRequests.RemsFormSubmission request) {
		Step step = this.guard.lock(sessionId, SessionGuard.DOSING_STAFF);
		RemsForm form = find(sessionId).orElseThrow(() -> new ConflictException(
				"No REMS monitoring form is due for this session (esketamine sessions that gave a dose, once closed)",
				SessionGuard.RESOURCE, sessionId));
		if (form.submittedAt() != null) {
			throw new ConflictException("The form was already recorded as submitted on " + form.submittedAt(),
					SessionGuard.RESOURCE, sessionId);
		}
		if (request == null || request.submittedAt() == null) {
			throw InvalidInputException.of("submittedAt", "when the form was submitted to the REMS");
		}
		if (request.submittedAt().isAfter(step.now().plusSeconds(60))
				|| request.submittedAt().isBefore(step.session().checkedInAt())) {
			throw InvalidInputException.of("submittedAt", "between the session and now");
		}
		String number = SessionGuard.text(request.confirmationNumber(), "confirmationNumber", 100, true);
		this.jdbc.sql("""
				update dosing.rems_form set submitted_at = ?, confirmation_number = ?, recorded_at = ?, recorded_by = ?
				where session_id = ?""")
			.params(Timestamp.from(request.submittedAt()), number, Timestamp.from(step.now()), step.user().id(),
					sessionId)
			.update();
		this.tasks.completeBySource(SessionGuard.RESOURCE, sessionId, step.user().id(),
				"REMS monitoring form submitted, confirmation " + number);
		this.audit.record(DosingSessions.auditEvent(step, AuditAction.UPDATE,
				"REMS monitoring form submitted, confirmation " + number));
		return find(sessionId).orElseThrow();
	}

	Optional<RemsForm> find(UUID sessionId) {
		return this.jdbc.sql("select * from dosing.rems_form where session_id = ?")
			.param(sessionId)
			.query((rs, n) -> new RemsForm(rs.getTimestamp("due_by").toInstant(),
					instant(rs.getTimestamp("submitted_at")), rs.getString("confirmation_number"),
					rs.getTimestamp("due_by").toInstant().isBefore(Instant.now(this.clock))
							&& rs.getTimestamp("submitted_at") == null))
			.optional();
	}

	private static Instant instant(Timestamp ts) {
		return (ts != null) ? ts.toInstant() : null;
	}

	/** The form's state for one session. */
	public record RemsForm(Instant dueBy, Instant submittedAt, String confirmationNumber, boolean overdue) {
	}

}
