package org.kapclinic.ledger;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Ledger policy ({@code kap.ledger.*}).
 *
 * @param expiringSoon lots whose expiry falls within this period are shown as expiring
 * soon (default 60 days, clinic policy)
 * @param defaultLocation where received stock is kept when a receipt names no location
 * (default "Main safe")
 * @param discrepancyContact the e-mail address told at once of every count that does not
 * match the balance (e.g. the registrant or pharmacist in charge); default none: the
 * discrepancy is shown on the ledger page only
 */
@ConfigurationProperties("kap.ledger")
record LedgerSettings(Period expiringSoon, String defaultLocation, String discrepancyContact) {

	LedgerSettings {
		expiringSoon = (expiringSoon == null) ? Period.ofDays(60) : expiringSoon;
		defaultLocation = (defaultLocation == null || defaultLocation.isBlank()) ? "Main safe" : defaultLocation;
		discrepancyContact = (discrepancyContact == null || discrepancyContact.isBlank()) ? null
				: discrepancyContact.strip();
	}

}
