package org.kapclinic.fund;

/** How a donation came in (API codes, with the words staff read). */
public enum DonationMethod {

	CASH("Cash"), CARD("Card"), CHECK("Cheque"), TRANSFER("Bank transfer"), OTHER("Other");

	private final String label;

	DonationMethod(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
