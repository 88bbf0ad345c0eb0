package org.kapclinic.dosing;

import java.util.UUID;

/** A set of vital signs with the patient and dosing session it was taken in. */
public record RecordedVitals(UUID patientId, UUID sessionId, Vitals vitals) {
}
