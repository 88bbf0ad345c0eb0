package org.kapclinic.intake;

import java.util.UUID;

/**
 * A signed consent was withdrawn (issue 21): by the care team, or by the patient or their
 * guardian in the portal, in which case the care team must hear of it (the portal opens
 * them a task).
 *
 * @param title the document's title, in words
 * @param inPortal true when the patient or guardian withdrew it themself
 */
public record ConsentWithdrawn(UUID patientId, UUID signatureId, String document, String title, String reason,
		boolean inPortal) {
}
