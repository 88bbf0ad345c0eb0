package org.kapclinic.billing;

/**
 * How a payment arrived. Card payments are taken on the clinic's own terminal: the
 * software records them and holds no card data (see {@link CardProcessor}).
 */
public enum PaymentMethod {

	CASH("Cash"), CARD_TERMINAL("Card (terminal)"), CHECK("Cheque"), TRANSFER("Bank transfer"),
	FUND_AWARD("Access fund award");

	private final String label;

	PaymentMethod(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
