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
 */
@ConfigurationProperties("kap.ledger")
record LedgerSettings(Period expiringSoon, String defaultLocation) {

	LedgerSettings {
		expiringSoon = (expiringSoon == null) ? Period.ofDays(60) : expiringSoon;
		defaultLocation = (defaultLocation == null || defaultLocation.isBlank()) ? "Main safe" : defaultLocation;
	}

}
