package org.kapclinic.dosing;

import java.util.List;
import java.util.Set;

/**
 * The drug classes the Spravato REMS Patient Monitoring Form asks about (taken in the
 * last 24 h), plus opioids, in the order the form lists them (clinical.md 2.1). The codes
 * are intake's {@code DrugClass} codes, so the screening and the session speak of the
 * same classes, with the same labels ({@link DosingLabels#drug}).
 */
final class ConcomitantDrugs {

	static final List<String> IN_FORM_ORDER = List.of("BENZODIAZEPINE", "NON_BENZODIAZEPINE_HYPNOTIC",
			"PSYCHOSTIMULANT", "MAOI", "OPIOID");

	static final Set<String> CODES = Set.copyOf(IN_FORM_ORDER);

	private ConcomitantDrugs() {
	}

}
