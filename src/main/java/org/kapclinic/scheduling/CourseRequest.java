package org.kapclinic.scheduling;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Start a course from a template: an in-house therapist (KAP) or an outside therapist
 * (adjunctive programs).
 */
record CourseRequest(@NotBlank @Size(max = 40) String templateCode, UUID prescriberId, UUID therapistId,
		@Size(max = 200) String outsideTherapist, @Size(max = 4000) String goals) {
}
