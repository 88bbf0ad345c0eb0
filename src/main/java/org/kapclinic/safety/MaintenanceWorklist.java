package org.kapclinic.safety;

import java.time.Clock;
import java.time.Instant;
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
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The prescribers' worklist of maintenance reviews (issue 19): every patient on
 * maintenance the user may see clinically whose review is overdue or falls due within
 * {@code kap.safety.maintenance-review-notice}, soonest first, read from the
 * {@link MaintenanceDue} read model (one index range scan; issue 19's budget).
 */
@Service
@Transactional(readOnly = true)
public class MaintenanceWorklist {

	private final MaintenanceDue model;

	private final SafetySettings settings;

	private final CareTeamAccess access;

	private final CurrentUser currentUser;

	private final Patients patients;

	private final AuditTrail audit;

	private final Clock clock;

	MaintenanceWorklist(MaintenanceDue model, SafetySettings settings, CareTeamAccess access, CurrentUser currentUser,
			Patients patients, AuditTrail audit, Clock clock) {
		this.model = model;
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

	public List<Row> list(int limit) {
		ClinicalScope scope = this.access.requireClinicalScope(this.currentUser.require());
		Instant now = Instant.now(this.clock);
		Instant horizon = now.plus(this.settings.maintenanceReviewNotice());
		// Due by the horizon: counted from an interval before it or earlier (V99's
		// index).
		List<Row> due = this.model
			.dueBy(horizon.minus(this.settings.maintenanceReviewInterval()), scope.all() ? null : scope.patientIds(),
					limit)
			.stream()
			.map((d) -> {
				Instant at = d.reviewFrom().plus(this.settings.maintenanceReviewInterval());
				return new Row(d.patientId(), null, null, d.courseName(), at, now.isAfter(at));
			})
			.toList();
		List<Row> shown = due;
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
