package org.kapclinic.scheduling;

import java.util.UUID;

/**
 * A course was started or changed status (published in the same transaction). The safety
 * module keeps its maintenance review read model by it.
 */
public record CourseChanged(UUID patientId, UUID courseId) {
}
