package org.kapclinic.shared;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;

/**
 * Money is an integer count of the currency's minor units (cents) with its ISO 4217 code:
 * never a floating-point number (issue 20). This formats it for people.
 */
public final class Money {

	private Money() {
	}

	/** "$1,234.50" for 123450 USD. */
	public static String format(long minor, String currency) {
		Currency unit = Currency.getInstance(currency);
		NumberFormat format = NumberFormat.getCurrencyInstance(Locale.US);
		format.setCurrency(unit);
		return format.format(BigDecimal.valueOf(minor, unit.getDefaultFractionDigits()));
	}

	/** Minor units of a decimal amount people type ("1234.5" → 123450), exactly. */
	public static long minor(BigDecimal amount, String currency) {
		return amount.movePointRight(Currency.getInstance(currency).getDefaultFractionDigits())
			.setScale(0, java.math.RoundingMode.UNNECESSARY)
			.longValueExact();
	}

}
