package org.kapclinic.portal;

import java.util.UUID;

/**
 * {@code {"reason", "accountId"}}: why portal access ends, and whose (an account's id
 * from the chart's Portal tab; without it, every portal account of the patient's ends,
 * guardians' included).
 */
public record RevokeRequest(String reason, UUID accountId) {

	public RevokeRequest(String reason) {
		this(reason, null);
	}

}
