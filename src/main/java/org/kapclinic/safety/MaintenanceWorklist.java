package org.kapclinic.safety;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.CareTeamAccess.ClinicalScope;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.MaintenanceCourses;
import org.kapclinic.scheduling.MaintenanceCourses.FirstCourse;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prescribers' worklist of maintenance reviews (issue 19): every patient on
 * maintenance the user may see clinically whose review is overdue or falls due within
 * {@code kap.safety.maintenance-review-notice}, soonest first.
 */
@Service
@Transactional(readOnly = true)
public class MaintenanceWorklist {

	private final JdbcClient jdbc;

	private final MaintenanceCourses courses;

	private final MaintenanceReviews reviews;

	private final SafetySettings settings;

	private final CareTeamAccess access;

	private final CurrentUser currentUser;

	private final Patients patients;

	private final AuditTrail audit;

	private final Clock clock;

	MaintenanceWorklist(JdbcClient jdbc, MaintenanceCourses courses, MaintenanceReviews reviews,
			SafetySettings settings, CareTeamAccess access, CurrentUser currentUser, Patients patients,
			AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.reviews = reviews;
		this.settings = settings;
		this.access = access;
		this.currentUser = currentUser;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	/** One patient whose review is overdue or due soon. */
	public record Row(UUID patientId, String mrn, String displayName, String course, Instant dueAt, boolean overdue) {
	}

	/** Each patient's last review (of the patients in scope). */
	private Map<UUID, Instant> lastReviews(ClinicalScope scope) {
		Map<UUID, Instant> last = new HashMap<>();
		String sql = "select patient_id, max(reviewed_at) as reviewed_at from safety.maintenance_review"
				+ (scope.all() ? "" : " where patient_id = any(?)") + " group by patient_id";
		JdbcClient.StatementSpec query = this.jdbc.sql(sql);
		if (!scope.all()) {
			query = query.param(scope.patientIds().toArray(UUID[]::new));
		}
		query.query((java.sql.ResultSet rs) -> {
			last.put(rs.getObject("patient_id", UUID.class), ((Timestamp) rs.getTimestamp("reviewed_at")).toInstant());
		});
		return last;
	}

	public List<Row> list(int limit) {
		ClinicalScope scope = this.access.requireClinicalScope(this.currentUser.require());
		Instant now = Instant.now(this.clock);
		Instant horizon = now.plus(this.settings.maintenanceReviewNotice());
		// Only a course started an interval before the horizon can be due by then.
		List<FirstCourse> candidates = this.courses.firstStartedBy(
				horizon.minus(this.settings.maintenanceReviewInterval()), scope.all() ? null : scope.patientIds());
		Map<UUID, Instant> lastReview = lastReviews(scope);
		List<Row> due = new ArrayList<>();
		for (FirstCourse course : candidates) {
			Instant at = this.reviews.dueAt(course.startedAt(), lastReview.get(course.patientId()));
			if (!at.isAfter(horizon)) {
				due.add(new Row(course.patientId(), null, null, course.name(), at, now.isAfter(at)));
			}
		}
		List<Row> shown = due.stream().sorted(Comparator.comparing(Row::dueAt)).limit(limit).toList();
		Map<UUID, Patients.PatientName> names = this.patients.names(shown.stream().map(Row::patientId).toList());
		List<Row> rows = shown.stream()
			.map((row) -> new Row(row.patientId(),
					(names.get(row.patientId()) != null) ? names.get(row.patientId()).mrn() : "",
					(names.get(row.patientId()) != null) ? names.get(row.patientId()).displayName() : "", row.course(),
					row.dueAt(), row.overdue()))
			.toList();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, "MaintenanceReview", null)
			.category(DataCategory.CLINICAL)
			.patients(rows.stream().map(Row::patientId).toList())
			.detail("maintenance review worklist rows=" + rows.size()));
		return rows;
	}

}
