package org.kapclinic.dosing;

/** How the drug is given; the codes are part of the API. */
public enum Route {

	/** Intravenous infusion (racemic ketamine). */
	IV,
	/** Intramuscular injection (racemic ketamine, KAP). */
	IM,
	/** Sublingual / buccal tablet or lozenge (racemic ketamine, KAP). */
	SL,
	/** Intranasal esketamine (Spravato), 28 mg per device. */
	IN

}
