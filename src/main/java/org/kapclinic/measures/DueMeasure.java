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

	/** The state as a vocabulary (the API keeps the code). */
	public DueState dueState() {
		return DueState.valueOf(this.state);
	}

	/** Why it is due, in words: scheduled, before dosing, or a time after the dose. */
	public String why() {
		if ("INTERVAL".equals(this.anchor)) {
			return "scheduled";
		}
		if ("BEFORE_DOSE".equals(this.anchor)) {
			return "before dosing";
		}
		String after = this.anchor.startsWith("AFTER_DOSE_PT") ? this.anchor.substring("AFTER_DOSE_PT".length())
				: this.anchor;
		return "after dose (" + after.toLowerCase(java.util.Locale.ROOT) + ")";
	}

	/** A worklist row: the occurrence with who it is for. */
	public record Row(DueMeasure due, String mrn, String patientName) {
	}

}
