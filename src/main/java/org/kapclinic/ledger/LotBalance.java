package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A lot and its running balance; also the JSON of {@code GET
 * /api/v1/controlled-substances/lots}.
 *
 * @param product {@code KETAMINE} or {@code ESKETAMINE} (see {@link Product})
 * @param concentrationMgPerMl the vial's strength: the Ketalar label forbids giving 100
 * mg/mL IV undiluted, so the administering screen must see it
 */
public record LotBalance(UUID lotId, String product, String ndc, String lot, LocalDate expiry,
		BigDecimal concentrationMgPerMl, String location, BigDecimal balanceMg) {
	/**
	 * Racemic ketamine at 100 mg/mL or more: it must be diluted before IV use (Ketalar
	 * label, section 2).
	 */
	public boolean diluteBeforeIv() {
		return "KETAMINE".equals(this.product) && this.concentrationMgPerMl != null
				&& this.concentrationMgPerMl.compareTo(java.math.BigDecimal.valueOf(100)) >= 0;
	}

}
