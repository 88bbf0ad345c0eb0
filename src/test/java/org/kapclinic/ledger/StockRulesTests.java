package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import org.kapclinic.ledger.LedgerEntry.EntryKind;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StockRulesTests {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	@Test
	void packageNdcsHaveTenOrElevenDigitsInTheFdaConfigurations() {
		assertThat(StockRules.validNdc("50458-028-02")).isTrue();
		assertThat(StockRules.validNdc("0409-2051-05")).isTrue();
		assertThat(StockRules.validNdc("12345-6789-1")).isTrue();
		assertThat(StockRules.validNdc("12345-6789-01")).as("11-digit billing form").isTrue();
		assertThat(StockRules.validNdc("5045802802")).as("dashes required").isFalse();
		assertThat(StockRules.validNdc("50458-028")).as("product NDC without package").isFalse();
		assertThat(StockRules.validNdc("50458-028-0A")).isFalse();
		assertThat(StockRules.validNdc(null)).isFalse();
	}

	@Test
	void quantitiesArePositiveWithAtMostThreeDecimalsAndWholeSpravatoDevices() {
		assertThat(StockRules.quantityProblem(new BigDecimal("12.5"), Product.KETAMINE)).isNull();
		assertThat(StockRules.quantityProblem(new BigDecimal("0.001"), Product.KETAMINE)).isNull();
		assertThat(StockRules.quantityProblem(new BigDecimal("0.0001"), Product.KETAMINE)).contains("3 decimals");
		assertThat(StockRules.quantityProblem(BigDecimal.ZERO, Product.KETAMINE)).contains("positive");
		assertThat(StockRules.quantityProblem(new BigDecimal("-1"), Product.KETAMINE)).contains("positive");
		assertThat(StockRules.quantityProblem(null, Product.KETAMINE)).contains("positive");
		assertThat(StockRules.quantityProblem(new BigDecimal("84"), Product.ESKETAMINE)).isNull();
		assertThat(StockRules.quantityProblem(new BigDecimal("56.000"), Product.ESKETAMINE)).isNull();
		assertThat(StockRules.quantityProblem(new BigDecimal("30"), Product.ESKETAMINE)).contains("28 mg devices");
		assertThat(StockRules.quantityProblem(new BigDecimal("1000001"), Product.KETAMINE)).contains("at most");
	}

	@Test
	void aGoodReceiptHasNoProblemsAndSpravatoNeedsItsNdcAndStrength() {
		assertThat(StockRules.receiptProblems(new ReceiptRequest("ketamine", "99999-050-10", "K50-A1", TODAY,
				new BigDecimal("5000"), new BigDecimal("50"), null, null), TODAY))
			.isEmpty();
		assertThat(StockRules.receiptProblems(new ReceiptRequest("ESKETAMINE", "50458-028-03", "ESK-1",
				TODAY.plusMonths(6), new BigDecimal("84"), null, null, null), TODAY))
			.isEmpty();
		assertThat(fields(new ReceiptRequest("ESKETAMINE", "12345-028-03", "ESK-1", TODAY.plusMonths(6),
				new BigDecimal("84"), new BigDecimal("100"), null, null)))
			.containsExactly("ndc", "concentrationMgPerMl");
		assertThat(fields(new ReceiptRequest("KETAMINE", "99999-050-10", "K-1", TODAY, new BigDecimal("100"),
				new BigDecimal("200"), null, null)))
			.as("no ketamine HCl stronger than Ketalar's 100 mg/mL")
			.containsExactly("concentrationMgPerMl");
		assertThat(fields(new ReceiptRequest(null, null, " ", TODAY.minusDays(1), null, null, null, null)))
			.containsExactly("product", "ndc", "lot", "expiry", "quantityMg", "concentrationMgPerMl");
		assertThat(StockRules.concentration(null, Product.ESKETAMINE)).isEqualByComparingTo("140");
	}

	@Test
	void aLotIsUsableThroughItsExpiryDate() {
		assertThat(StockRules.expiredOn(TODAY, TODAY)).isFalse();
		assertThat(StockRules.expiredOn(TODAY, TODAY.plusDays(1))).isTrue();
	}

	@Test
	void aCorrectionAppendsTheDifferenceToWhatTheEntryShouldHaveRecorded() {
		// drew 80, recorded 100: 20 mg go back into the balance
		assertThat(StockRules.correctionDelta(EntryKind.DRAW, new BigDecimal("-100"), new BigDecimal("80")))
			.isEqualByComparingTo("20");
		// received 500, recorded 5000
		assertThat(StockRules.correctionDelta(EntryKind.RECEIPT, new BigDecimal("5000"), new BigDecimal("500")))
			.isEqualByComparingTo("-4500");
		// a waste that never happened is reversed
		assertThat(StockRules.correctionDelta(EntryKind.WASTE, new BigDecimal("-10"), BigDecimal.ZERO))
			.isEqualByComparingTo("10");
		assertThat(StockRules.correctionDelta(EntryKind.ADJUSTMENT, new BigDecimal("-28"), BigDecimal.ZERO))
			.isEqualByComparingTo("28");
		assertThatThrownBy(
				() -> StockRules.correctionDelta(EntryKind.ADJUSTMENT, new BigDecimal("-28"), BigDecimal.ONE))
			.isInstanceOf(IllegalArgumentException.class);
	}

	private static java.util.List<String> fields(ReceiptRequest receipt) {
		return StockRules.receiptProblems(receipt, TODAY).stream().map(FieldProblem::field).toList();
	}

}
