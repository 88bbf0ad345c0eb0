package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Book an appointment (the contract: patientId, type, start, durationMinutes,
 * roomId, staffIds, courseId). The form of each field is declared here (Bean Validation);
 * {@link AppointmentChecks} checks it together with what needs a lookup, so the API and
 * the booking page report every problem at once, in the same words.
 *
 * @param program KAP, IV_INFUSION or ESKETAMINE; taken from the course when there is one,
 * needed for dosing
 * @param repeat a recurring series (every N weeks, count occurrences), booked all or
 * nothing; each occurrence can later be changed alone
 * @param groupId GROUP_INTEGRATION: join this circle (its time and room); without it a
 * new circle is opened with {@code capacity} places (default 8)
 */
record AppointmentRequest(@NotNull(message = "required") UUID patientId, String type,
		@NotNull(message = "required (ISO-8601 instant)") Instant start,
		@NotNull(message = "10–600") @Min(value = 10, message = "10–600") @Max(value = 600,
				message = "10–600") Integer durationMinutes,
		UUID roomId, @Size(max = 10) List<UUID> staffIds, UUID courseId, @Size(max = 20) String program,
		@Size(max = 500) String telehealthLink, @Valid Repeat repeat, UUID groupId, Integer capacity) {

	public AppointmentRequest {
		staffIds = (staffIds == null) ? List.of() : List.copyOf(staffIds);
	}

	/**
	 * @param count occurrences, at most {@link AppointmentChecks#MAX_OCCURRENCES}
	 */
	public record Repeat(
			@NotNull(message = "1–52") @Min(value = 1, message = "1–52") @Max(value = 52,
					message = "1–52") Integer everyWeeks,
			@NotNull(message = "2–26") @Min(value = 2, message = "2–26") @Max(value = AppointmentChecks.MAX_OCCURRENCES,
					message = "2–26") Integer count) {
	}

}
