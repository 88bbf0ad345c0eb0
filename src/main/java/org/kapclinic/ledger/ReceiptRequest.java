package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Stock received from a supplier ({@code POST /api/v1/controlled-substances/receipts}).
 *
 * @param product {@code KETAMINE} or {@code ESKETAMINE}
 * @param concentrationMgPerMl optional for esketamine (always 140)
 * @param location where it is stored; the default location when absent
 * @param note e.g. the supplier's invoice number (optional)
 */
record ReceiptRequest(String product, String ndc, String lot, LocalDate expiry, BigDecimal quantityMg,
		BigDecimal concentrationMgPerMl, String location, String note) {
}
