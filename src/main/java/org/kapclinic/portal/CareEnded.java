package org.kapclinic.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.scheduling.CourseChanged;
import org.kapclinic.scheduling.CoursePrograms;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Portal access ends with care, where the clinic says so (issue 21: "sessions end when
 * ... the patient is discharged from care (configurable)";
 * {@code kap.portal.end-access-when-care-ends}): when a course change leaves the patient
 * with no planned, active or paused course, every portal account of theirs (guardians'
 * included) is revoked in the same transaction, and open sessions end at their next
 * request ({@link PortalSessionCheck}). Inviting again restores access.
 */
@Component
class CareEnded {

	static final String REASON = "discharged from care: the last course was closed";

	private final JdbcClient jdbc;

	private final CoursePrograms courses;

	private final PortalSettings settings;

	private final AuditTrail audit;

	private final Clock clock;

	CareEnded(JdbcClient jdbc, CoursePrograms courses, PortalSettings settings, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.courses = courses;
		this.settings = settings;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener
	void courseChanged(CourseChanged changed) {
		if (!this.settings.endAccessWhenCareEnds() || this.courses.inCourse(changed.patientId())) {
			return;
		}
		List<UUID> ended = this.jdbc.sql("""
				update portal.account set status = 'REVOKED', revoked_at = ?, revoke_reason = ?
				where patient_id = ? and status <> 'REVOKED' returning id""")
			.params(Timestamp.from(Instant.now(this.clock)), REASON, changed.patientId())
			.query(UUID.class)
			.list();
		ended.forEach((id) -> this.audit.record(AuditEvent.of(AuditAction.UPDATE, PortalAccounts.RESOURCE, id)
			.patient(changed.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("portal access ended: " + REASON)));
	}

}
