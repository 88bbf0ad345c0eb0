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
record ConsentSignature(UUID id, UUID patientId, String document, int version, String documentSha256, String signerName,
		SignerRole signerRole, Map<String, String> details, Instant signedAt, String clientAddress, UUID recordedBy,
		Instant withdrawnAt, String withdrawalReason) {

	public boolean active() {
		return this.withdrawnAt == null;
	}

	/** Who signed: the patient, or a guardian for a minor. */
	public enum SignerRole {

		PATIENT("Patient"), GUARDIAN("Guardian");

		private final String label;

		SignerRole(String label) {
			this.label = label;
		}

		/** What people read (the API keeps the code). */
		public String label() {
			return this.label;
		}

		/** A guardian signs for a minor (the minor's assent is asked separately). */
		public boolean guardian() {
			return this == GUARDIAN;
		}

	}

}
