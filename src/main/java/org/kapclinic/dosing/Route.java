package org.kapclinic.dosing;

/** How the drug is given; the codes are part of the API. */
public enum Route {

	/** Intravenous infusion (racemic ketamine). */
	IV("Intravenous infusion"),
	/** Intramuscular injection (racemic ketamine, KAP). */
	IM("Intramuscular injection"),
	/** Sublingual / buccal tablet or lozenge (racemic ketamine, KAP). */
	SL("Sublingual"),
	/** Intranasal esketamine (Spravato), 28 mg per device. */
	IN("Intranasal spray");

	private final String label;

	Route(String label) {
		this.label = label;
	}

	/** The route in words. */
	public String label() {
		return this.label;
	}

}
