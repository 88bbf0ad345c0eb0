package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Published when drug is given in a session (start, device, additional dose). */
public record DoseAdministered(UUID sessionId, UUID patientId, String program, Route route, String kind,
		BigDecimal doseMg, UUID lotId, Instant at) {
}
