package org.kapclinic.intake;

/** How strongly a finding speaks against treatment. */
public enum Severity {

	/** Treatment must not go ahead: ELIGIBLE is impossible. */
	ABSOLUTE,
	/** Treatment may go ahead only with a written mitigation. */
	RELATIVE

}
