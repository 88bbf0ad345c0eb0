package org.kapclinic.measures;

import java.time.Instant;
import java.util.UUID;

/**
 * One occurrence of a schedule: an instrument the patient should complete.
 *
 * @param anchor what it is tied to: {@code INTERVAL}, {@code BEFORE_DOSE} or
 * {@code AFTER_DOSE_<ISO duration>} (e.g. {@code AFTER_DOSE_PT24H})
 * @param state UPCOMING (not yet due), DUE, OVERDUE, DONE or CANCELLED, at read time
 * @param sentAt when the schedule runner handled it: with {@code selfReportId} a link was
 * e-mailed; without, the patient has no e-mail address on file
 */
public record DueMeasure(UUID id, UUID patientId, UUID scheduleId, String instrument, String anchor, Instant dueAt,
		Instant overdueAt, String state, Instant sentAt, UUID selfReportId, UUID measurementId, Instant completedAt) {

	/** A worklist row: the occurrence with who it is for. */
	public record Row(DueMeasure due, String mrn, String patientName) {
	}

}
