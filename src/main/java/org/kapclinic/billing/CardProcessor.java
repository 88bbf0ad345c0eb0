package org.kapclinic.billing;

import java.util.UUID;

/**
 * The port for a card processor (issue 20: card processing stays outside, no processor
 * SDK in this codebase). Today card payments are taken on the clinic's own terminal and
 * recorded as {@link PaymentMethod#CARD_TERMINAL} with the terminal's reference. A clinic
 * that wants online card payments implements this interface in its own module (e.g.
 * against its processor's hosted payment page): {@code charge} returns the processor's
 * reference, which {@link Payments} records as the payment's reference. No bean
 * implements it here, so nothing calls out.
 */
public interface CardProcessor {

	/**
	 * Takes {@code amountMinor} for the invoice and answers the processor's reference, or
	 * throws when the card is declined (nothing is recorded then).
	 */
	String charge(UUID invoiceId, long amountMinor, String currency, String idempotencyKey);

}
