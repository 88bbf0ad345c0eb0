package org.kapclinic.measures;

import java.time.Instant;
import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;

/**
 * Attach instruments to a patient with a cadence.
 *
 * @param cadence {@code INTERVAL} (every {@code everyDays}, first due at
 * {@code firstDueAt}, default now) or {@code DOSE_ANCHORED} (before each dosing session
 * and 24 h and 7 days after each dose)
 * @param sendLink e-mail the patient a self-report link when an occurrence falls due
 * (default true)
 */
record ScheduleRequest(@NotEmpty @Size(max = 10) List<@NotBlank @Size(max = 40) String> instruments,
		@NotBlank @Size(max = 20) String cadence, Integer everyDays, Instant firstDueAt, Boolean sendLink) {
}
