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

	/**
	 * Minor units of an amount typed on a form, or null when none was typed; more
	 * decimals than the currency has is refused (400 on {@code field}), never rounded.
	 */
	public static Long typed(BigDecimal amount, String currency, String field) {
		if (amount == null) {
			return null;
		}
		try {
			return minor(amount, currency);
		}
		catch (ArithmeticException ex) {
			throw InvalidInputException.of(field, "an amount in dollars and cents, e.g. 250.00");
		}
	}

}
