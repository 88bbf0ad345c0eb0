package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Book an appointment (the contract: patientId, type, start, durationMinutes,
 * roomId, staffIds, courseId).
 *
 * @param program KAP, IV_INFUSION or ESKETAMINE; taken from the course when there is one,
 * needed for dosing
 * @param repeat a recurring series (every N weeks, count occurrences), booked all or
 * nothing; each occurrence can later be changed alone
 * @param groupId GROUP_INTEGRATION: join this circle (its time and room); without it a
 * new circle is opened with {@code capacity} places (default 8)
 */
record AppointmentRequest(UUID patientId, String type, Instant start, Integer durationMinutes, UUID roomId,
		@Size(max = 10) List<UUID> staffIds, UUID courseId, @Size(max = 20) String program,
		@Size(max = 500) String telehealthLink, @Valid Repeat repeat, UUID groupId, Integer capacity) {

	public AppointmentRequest {
		staffIds = (staffIds == null) ? List.of() : List.copyOf(staffIds);
	}

	public record Repeat(Integer everyWeeks, Integer count) {
	}

}
