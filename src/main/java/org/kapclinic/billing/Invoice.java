package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.kapclinic.shared.Money;

/**
 * An invoice and what was paid on it: the patient statement.
 *
 * @param paidMinor payments less refunds
 * @param balanceMinor total less paid (0 for a voided invoice)
 * @param lines the charges on it
 */
public record Invoice(UUID id, long number, UUID patientId, LocalDate issuedOn, LocalDate periodFrom,
		LocalDate periodTo, String currency, long subtotalMinor, long discountMinor, long totalMinor, long paidMinor,
		long balanceMinor, String discountNote, boolean voided, String voidReason, List<Charge> lines,
		List<Payment> payments) {

	public String total() {
		return Money.format(this.totalMinor, this.currency);
	}

	public String subtotal() {
		return Money.format(this.subtotalMinor, this.currency);
	}

	public String discount() {
		return Money.format(this.discountMinor, this.currency);
	}

	public String paid() {
		return Money.format(this.paidMinor, this.currency);
	}

	public String balance() {
		return Money.format(this.balanceMinor, this.currency);
	}

}
