package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The controlled products a ketamine clinic stocks; both are DEA Schedule III
 * (clinical.md 5.1).
 */
public enum Product {

	/**
	 * Racemic ketamine HCl injection, multi-dose vials of 10, 50 or 100 mg/mL (Ketalar
	 * PI: the 100 mg/mL strength must not be given IV undiluted).
	 */
	KETAMINE("Ketamine HCl injection", null, null),

	/**
	 * Spravato (esketamine) nasal spray: one device holds 28 mg in 0.2 mL (140 mg/mL),
	 * Janssen NDC 50458-028, kits -02 (2 devices) and -03 (3 devices) (clinical.md 5.1).
	 * Devices are single-use, so stock moves in whole devices.
	 */
	ESKETAMINE("Esketamine nasal spray (Spravato 28 mg device)", new BigDecimal("28"), "50458-028-");

	/** Ketalar's strongest strength; more concentrated stock is a data-entry mistake. */
	static final BigDecimal MAX_KETAMINE_MG_PER_ML = new BigDecimal("100");

	/** Spravato: 28 mg per 0.2 mL. */
	static final BigDecimal SPRAVATO_MG_PER_ML = new BigDecimal("140");

	private final String label;

	private final BigDecimal unitMg;

	private final String ndcPrefix;

	Product(String label, BigDecimal unitMg, String ndcPrefix) {
		this.label = label;
		this.unitMg = unitMg;
		this.ndcPrefix = ndcPrefix;
	}

	/** The label of a stored product code; an unknown one as it is. */
	public static String labelOf(String code) {
		try {
			return valueOf(code).label();
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return (code == null) ? "" : code;
		}
	}

	public String label() {
		return this.label;
	}

	/** The mg in one indivisible unit (a Spravato device), if stock moves in units. */
	public Optional<BigDecimal> unitMg() {
		return Optional.ofNullable(this.unitMg);
	}

	/** The NDC prefix every package of this product carries, if it has one labeler. */
	Optional<String> ndcPrefix() {
		return Optional.ofNullable(this.ndcPrefix);
	}

	/** The schedule under the Controlled Substances Act. */
	public String deaSchedule() {
		return "CIII";
	}

	static Optional<Product> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		try {
			return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

}
