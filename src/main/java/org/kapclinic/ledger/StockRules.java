package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * The ledger's input rules as pure functions: NDC format, quantities in mg, lot numbers,
 * expiry. The services call them before touching the database, so bad input saves
 * nothing.
 */
final class StockRules {

	/**
	 * A package NDC with dashes: 10 digits as 4-4-2, 5-3-2 or 5-4-1 (FDA labeler-product-
	 * package configurations), or the 11-digit 5-4-2 form used in billing.
	 */
	static final Pattern NDC = Pattern.compile("\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d{1,2}");

	static final Pattern LOT_NUMBER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9./-]{0,39}");

	/** A generous ceiling for one movement: 1 kg of ketamine is far beyond any clinic. */
	static final BigDecimal MAX_MG = new BigDecimal("1000000");

	static final int TEXT_MAX = 2000;

	private StockRules() {
	}

	static boolean validNdc(String ndc) {
		return ndc != null && NDC.matcher(ndc.trim()).matches();
	}

	/**
	 * Why a quantity is not acceptable for a movement of the product, or null: positive,
	 * at most 3 decimals (the ledger keeps micrograms), below {@link #MAX_MG}, whole
	 * devices for esketamine.
	 */
	static String quantityProblem(BigDecimal mg, Product product) {
		if (mg == null || mg.signum() <= 0) {
			return "a positive quantity in mg";
		}
		if (mg.stripTrailingZeros().scale() > 3) {
			return "at most 3 decimals (mg)";
		}
		if (mg.compareTo(MAX_MG) > 0) {
			return "at most " + MAX_MG.toPlainString() + " mg";
		}
		if (product != null && product.unitMg().isPresent() && mg.remainder(product.unitMg().get()).signum() != 0) {
			return "whole " + product.unitMg().get().toPlainString() + " mg devices (a multiple of "
					+ product.unitMg().get().toPlainString() + ")";
		}
		return null;
	}

	/** The field problems of a receipt; empty when it may be saved. */
	static List<FieldProblem> receiptProblems(ReceiptRequest receipt, LocalDate today) {
		List<FieldProblem> problems = new ArrayList<>();
		Product product = Product.parse(receipt.product()).orElse(null);
		if (product == null) {
			problems.add(new FieldProblem("product", "KETAMINE or ESKETAMINE"));
		}
		if (!validNdc(receipt.ndc())) {
			problems.add(new FieldProblem("ndc", "a package NDC with dashes, e.g. 50458-028-02 (10 or 11 digits)"));
		}
		else if (product != null && product.ndcPrefix().isPresent()
				&& !receipt.ndc().trim().startsWith(product.ndcPrefix().get())) {
			problems.add(new FieldProblem("ndc",
					product.label() + " packages carry NDC " + product.ndcPrefix().get() + "xx"));
		}
		if (receipt.lot() == null || !LOT_NUMBER.matcher(receipt.lot().trim()).matches()) {
			problems
				.add(new FieldProblem("lot", "the lot number printed on the package (letters, digits, - . /; 1–40)"));
		}
		if (receipt.expiry() == null) {
			problems.add(new FieldProblem("expiry", "the expiry date (YYYY-MM-DD)"));
		}
		else if (receipt.expiry().isBefore(today)) {
			problems.add(new FieldProblem("expiry", "expired stock is not received into use"));
		}
		else if (receipt.expiry().isAfter(today.plusYears(10))) {
			problems.add(new FieldProblem("expiry", "more than 10 years ahead: check the date"));
		}
		String quantity = quantityProblem(receipt.quantityMg(), product);
		if (quantity != null) {
			problems.add(new FieldProblem("quantityMg", quantity));
		}
		String concentration = concentrationProblem(receipt.concentrationMgPerMl(), product);
		if (concentration != null) {
			problems.add(new FieldProblem("concentrationMgPerMl", concentration));
		}
		if (receipt.location() != null && receipt.location().trim().length() > 60) {
			problems.add(new FieldProblem("location", "at most 60 characters"));
		}
		return problems;
	}

	/**
	 * The strength a receipt stores: esketamine is always 140 mg/mL (28 mg/0.2 mL) and
	 * may be left out.
	 */
	static BigDecimal concentration(BigDecimal given, Product product) {
		return (given == null && product == Product.ESKETAMINE) ? Product.SPRAVATO_MG_PER_ML : given;
	}

	private static String concentrationProblem(BigDecimal given, Product product) {
		if (product == Product.ESKETAMINE) {
			return (given == null || given.compareTo(Product.SPRAVATO_MG_PER_ML) == 0) ? null
					: "Spravato is 140 mg/mL (28 mg in 0.2 mL)";
		}
		if (given == null || given.signum() <= 0) {
			return "the vial's strength in mg/mL (e.g. 10, 50 or 100)";
		}
		if (given.compareTo(Product.MAX_KETAMINE_MG_PER_ML) > 0) {
			return "ketamine HCl comes in at most 100 mg/mL";
		}
		if (given.stripTrailingZeros().scale() > 3) {
			return "at most 3 decimals";
		}
		return null;
	}

	/** Why a free-text reason is not acceptable, or null. */
	static String reasonProblem(String reason) {
		if (reason == null || reason.isBlank()) {
			return "say why (required)";
		}
		return (reason.length() > TEXT_MAX) ? "at most " + TEXT_MAX + " characters" : null;
	}

	/** A lot is usable through its expiry date and expired from the day after. */
	static boolean expiredOn(LocalDate expiry, LocalDate day) {
		return day.isAfter(expiry);
	}

	/**
	 * The signed change a correction appends so that the corrected entry counts as
	 * {@code correctMg} (the amount it should have recorded; 0 reverses it). Receipts
	 * add, draws and waste take away; an adjustment or correction can only be reversed,
	 * as its sign has no meaning of its own.
	 * @throws IllegalArgumentException when an adjustment or correction is not fully
	 * reversed
	 */
	static BigDecimal correctionDelta(LedgerEntry.EntryKind kind, BigDecimal recordedMg, BigDecimal correctMg) {
		BigDecimal signedCorrect = switch (kind) {
			case RECEIPT -> correctMg;
			case DRAW, WASTE -> correctMg.negate();
			case ADJUSTMENT, CORRECTION -> {
				if (correctMg.signum() != 0) {
					throw new IllegalArgumentException("an adjustment or correction can only be reversed (0)");
				}
				yield BigDecimal.ZERO;
			}
		};
		return signedCorrect.subtract(recordedMg);
	}

}
