package org.kapclinic.dosing;

/**
 * The unit a protocol's dose and ceilings are written in: weight-based (IV, IM) or a
 * fixed amount (sublingual tablets, esketamine devices). mg is always computed and shown
 * together with mg/kg (clinical.md 1.1: "always compute mg from weight ... and show mg/kg
 * back to the prescriber").
 */
public enum DoseUnit {

	MG_PER_KG("mg/kg"), MG("mg");

	private final String label;

	DoseUnit(String label) {
		this.label = label;
	}

	/** The unit as staff write it. */
	public String label() {
		return this.label;
	}

}
