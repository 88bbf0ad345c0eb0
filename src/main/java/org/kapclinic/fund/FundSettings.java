package org.kapclinic.fund;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The access fund's settings ({@code kap.fund.*}, issue 20).
 *
 * @param currency the fund's currency, ISO 4217 (USD): donations and awards are in it,
 * never converted
 * @param povertyRegion which HHS poverty guidelines apply: CONTIGUOUS (the 48 contiguous
 * states and DC), ALASKA or HAWAII
 * @param receiptStatement the acknowledgement every donation receipt ends with; the
 * default is the statement the IRS asks of a US charity's written acknowledgement
 * (Publication 1771); change it to the wording the clinic's jurisdiction requires
 * @param impactInstrument the instrument whose change the donor impact report shows for
 * the patients funded (PHQ-9: most patients are treated for depression)
 */
@ConfigurationProperties("kap.fund")
record FundSettings(String currency, String povertyRegion, String receiptStatement, String impactInstrument) {

	FundSettings {
		currency = (currency == null || currency.isBlank()) ? "USD" : currency.strip();
		povertyRegion = (povertyRegion == null || povertyRegion.isBlank()) ? "CONTIGUOUS" : povertyRegion.strip();
		// Refused at start, not at the first application: a typo would otherwise fail
		// every one.
		if (!java.util.Set.of("CONTIGUOUS", "ALASKA", "HAWAII").contains(povertyRegion)) {
			throw new IllegalArgumentException(
					"kap.fund.poverty-region must be CONTIGUOUS, ALASKA or HAWAII, not " + povertyRegion);
		}
		java.util.Currency.getInstance(currency);
		impactInstrument = (impactInstrument == null || impactInstrument.isBlank()) ? "PHQ-9"
				: impactInstrument.strip();
		receiptStatement = (receiptStatement == null || receiptStatement.isBlank())
				? "No goods or services were provided in exchange for this contribution." : receiptStatement.strip();
	}

}
