package org.kapclinic.safety;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.notes.ModuleNotes;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.scheduling.DoseBookingRule;
import org.kapclinic.scheduling.MaintenanceCourses;
import org.kapclinic.scheduling.MaintenanceCourses.MaintenanceCourse;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The maintenance review (issue 19): a patient on maintenance dosing is reviewed by a
 * prescriber every {@code kap.safety.maintenance-review-interval} (90 days), counted from
 * the maintenance course's start and then from the last review; while the review is past
 * due, or would be by the dose's time, a dose is not booked (422
 * MAINTENANCE_REVIEW_OVERDUE), so the review cannot be forgotten.
 */
@Service
@Transactional
public class MaintenanceReviews implements DoseBookingRule {

	private static final String RESOURCE = "MaintenanceReview";

	private final JdbcClient jdbc;

	private final MaintenanceCourses courses;

	private final SafetySettings settings;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final UserDirectory directory;

	private final ClinicTime clinicTime;

	private final Clock clock;

	private final ReviewSnapshot snapshot;

	private final ModuleNotes notes;

	private final MaintenanceDue due;

	MaintenanceReviews(JdbcClient jdbc, MaintenanceCourses courses, SafetySettings settings, CareTeamAccess access,
			AuditTrail audit, UserDirectory directory, ClinicTime clinicTime, Clock clock, ReviewSnapshot snapshot,
			ModuleNotes notes, MaintenanceDue due) {
		this.due = due;
		this.snapshot = snapshot;
		this.notes = notes;
		this.jdbc = jdbc;
		this.courses = courses;
		this.settings = settings;
		this.access = access;
		this.audit = audit;
		this.directory = directory;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/** A prescriber records a review; the next one is due an interval later. */
	public MaintenanceReview record(UUID patientId, ReviewRequest request) {
		StaffMember user = this.access.requireClinical(patientId);
		if (!user.has(Role.PRESCRIBER)) {
			throw new AccessDeniedException("A prescriber records the maintenance review");
		}
		MaintenanceDecision decision = decision(request);
		String reason = (request.reason() != null) ? request.reason().strip() : "";
		List<MaintenanceCourse> maintenance = this.courses.of(patientId);
		if (maintenance.isEmpty()) {
			throw InvalidInputException.of("patientId", "the patient has no maintenance course to review");
		}
		if (request.courseId() != null
				&& maintenance.stream().noneMatch((c) -> c.courseId().equals(request.courseId()))) {
			throw InvalidInputException.of("courseId", "not one of the patient's maintenance courses");
		}
		// The signed note records what was reviewed alongside the decision (issue 19).
		Map<String, String> note = new java.util.LinkedHashMap<>(this.snapshot.of(patientId));
		note.put("decision", decision.label());
		note.put("reason", reason);
		UUID noteId = this.notes.signedMaintenanceReview(patientId, note);
		UUID id = UUID.randomUUID();
		Instant now = Instant.now(this.clock);
		this.jdbc.sql("""
				insert into safety.maintenance_review (id, patient_id, course_id, decision, reason, reviewed_at,
				    reviewed_by, note_id)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, request.courseId(), decision.name(), reason, Timestamp.from(now), user.id(), noteId)
			.update();
		this.due.reviewed(patientId, now);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id.toString())
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("maintenance review: " + decision.name()));
		return new MaintenanceReview(id, patientId, request.courseId(), decision, decision.label(), reason, now,
				user.id(), user.displayName(), noteId);
	}

	/** Where the patient stands, for a clinical reader (checked and audited). */
	@Transactional(readOnly = true)
	public MaintenanceStatus status(UUID patientId) {
		this.access.requireClinical(patientId);
		MaintenanceStatus status = unchecked(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("maintenance reviews: " + status.reviews().size()));
		return status;
	}

	/**
	 * A dose is not booked while the review is past due, or would be by the dose's start.
	 */
	@Override
	@Transactional(readOnly = true)
	public List<String> refusals(UUID patientId, Instant start) {
		MaintenanceStatus status = unchecked(patientId);
		if (!status.onMaintenance() || !start.isAfter(status.dueAt())) {
			return List.of();
		}
		String due = this.clinicTime.date(status.dueAt()).toString();
		return List.of(status.overdue()
				? "MAINTENANCE_REVIEW_OVERDUE: the maintenance review was due on " + due
						+ "; a prescriber records it (chart → Maintenance review) before more doses are booked"
				: "MAINTENANCE_REVIEW_OVERDUE: the maintenance review falls due on " + due
						+ ", before this dose; a prescriber records it (chart → Maintenance review) first");
	}

	/**
	 * When the review of a patient on maintenance falls due: an interval after the later
	 * of the first maintenance course's start and the last review.
	 */
	Instant dueAt(Instant firstCourseStart, Instant lastReview) {
		Instant from = (lastReview != null && lastReview.isAfter(firstCourseStart)) ? lastReview : firstCourseStart;
		return from.plus(this.settings.maintenanceReviewInterval());
	}

	private MaintenanceStatus unchecked(UUID patientId) {
		List<MaintenanceCourse> maintenance = this.courses.of(patientId);
		List<MaintenanceReview> reviews = reviews(patientId);
		if (maintenance.isEmpty()) {
			return new MaintenanceStatus(false, List.of(), null, false, reviews);
		}
		Instant due = dueAt(maintenance.get(0).startedAt(), reviews.isEmpty() ? null : reviews.get(0).reviewedAt());
		return new MaintenanceStatus(true, maintenance, due, Instant.now(this.clock).isAfter(due), reviews);
	}

	private List<MaintenanceReview> reviews(UUID patientId) {
		List<MaintenanceReview> rows = this.jdbc
			.sql("select * from safety.maintenance_review where patient_id = ? order by reviewed_at desc")
			.param(patientId)
			.query((rs, n) -> {
				MaintenanceDecision decision = MaintenanceDecision.valueOf(rs.getString("decision"));
				return new MaintenanceReview(rs.getObject("id", UUID.class), patientId,
						rs.getObject("course_id", UUID.class), decision, decision.label(), rs.getString("reason"),
						rs.getTimestamp("reviewed_at").toInstant(), rs.getObject("reviewed_by", UUID.class), null,
						rs.getObject("note_id", UUID.class));
			})
			.list();
		Map<UUID, StaffMember> staff = this.directory
			.findAll(rows.stream().map(MaintenanceReview::reviewedBy).distinct().toList());
		return rows.stream()
			.map((r) -> new MaintenanceReview(r.id(), r.patientId(), r.courseId(), r.decision(), r.decisionLabel(),
					r.reason(), r.reviewedAt(), r.reviewedBy(),
					(staff.get(r.reviewedBy()) != null) ? staff.get(r.reviewedBy()).displayName() : null, r.noteId()))
			.toList();
	}

	private static MaintenanceDecision decision(ReviewRequest request) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		MaintenanceDecision decision = null;
		try {
			decision = MaintenanceDecision.valueOf(String.valueOf(request.decision()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("decision", "one of " + MaintenanceDecision.codes()));
		}
		if (request.reason() == null || request.reason().isBlank() || request.reason().strip().length() > 2000) {
			problems
				.add(new FieldProblem("reason", "why, in 1–2000 characters (exposure, results, benefit, concerns)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return decision;
	}

}
