package org.kapclinic.intake;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A signature on one exact consent text. Withdrawal is recorded on it; it is never
 * deleted.
 *
 * @param details for a release of information: {@code recipientName}, {@code scope},
 * {@code expiresOn}
 */
public record ConsentSignature(UUID id, UUID patientId, String document, int version, String documentSha256,
		String signerName, SignerRole signerRole, Map<String, String> details, Instant signedAt, String clientAddress,
		UUID recordedBy, Instant withdrawnAt, String withdrawalReason) {

	public boolean active() {
		return this.withdrawnAt == null;
	}

	/** Who signed: the patient, or a guardian for a minor. */
	public enum SignerRole {

		PATIENT, GUARDIAN

	}

}
