package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.UUID;

import org.kapclinic.shared.Money;

/**
 * Money received on an invoice, or a refund of part of a payment.
 *
 * @param kind PAYMENT or REFUND
 * @param refundOf the payment a refund returns
 */
public record Payment(UUID id, UUID invoiceId, UUID patientId, String kind, PaymentMethod method, long amountMinor,
		String currency, String reference, UUID fundAward, UUID refundOf, String reason, LocalDate receivedOn) {

	public String amount() {
		return Money.format(this.amountMinor, this.currency);
	}

	public String methodLabel() {
		return this.method.label();
	}

	public boolean refund() {
		return "REFUND".equals(this.kind);
	}

}
