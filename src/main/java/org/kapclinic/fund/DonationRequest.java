package org.kapclinic.fund;

import java.time.LocalDate;

/**
 * A donation as staff record it (issue 20's contract).
 *
 * @param anonymous the donor asked not to be named in reports (the clinic still keeps the
 * name for the receipt)
 * @param restriction UNRESTRICTED, PROGRAM:KAP, … or CONDITION: and an ICD-10-CM code or
 * prefix
 * @param method CASH, CARD, CHECK, TRANSFER or OTHER
 */
public record DonationRequest(String donorName, Boolean anonymous, String email, Long amountMinor, String currency,
		String restriction, LocalDate receivedOn, String method) {
}
