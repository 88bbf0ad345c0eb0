package org.kapclinic.safety;

import java.time.Instant;
import java.util.List;

import org.kapclinic.scheduling.MaintenanceCourses.MaintenanceCourse;

/**
 * Where a patient stands with the maintenance review.
 *
 * @param onMaintenance whether the patient has a bookable maintenance course
 * @param dueAt when the next review falls due (null: not on maintenance)
 * @param overdue the review is past due: dose bookings are refused
 * @param reviews every review, newest first
 */
public record MaintenanceStatus(boolean onMaintenance, List<MaintenanceCourse> courses, Instant dueAt, boolean overdue,
		List<MaintenanceReview> reviews) {
}
