package org.kapclinic.safety;

import java.util.UUID;

/**
 * A maintenance review as a prescriber records it.
 *
 * @param decision CONTINUE, TAPER, PAUSE or STOP
 * @param reason why, in the prescriber's words (exposure, bladder and liver results,
 * whether it still helps, any misuse signal)
 * @param courseId optional: the maintenance course reviewed
 */
public record ReviewRequest(String decision, String reason, UUID courseId) {
}
