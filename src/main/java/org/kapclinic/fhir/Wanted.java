package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;

/**
 * Which Observations a search asks for, from its {@code code} and {@code category}:
 * scores of some instruments (an empty list: all) and some vital signs. A code or
 * category we do not hold asks for nothing.
 */
record Wanted(boolean scores, List<String> instruments, Set<VitalsResources.Sign> signs) {

	static Wanted of(TokenOrListParam code, TokenOrListParam category, InstrumentCodes codes) {
		boolean scores = category == null || has(category, ObservationResources.SURVEY);
		boolean vitals = category == null || has(category, VitalsResources.VITAL_SIGNS);
		if (code == null) {
			return new Wanted(scores, List.of(),
					vitals ? EnumSet.allOf(VitalsResources.Sign.class) : EnumSet.noneOf(VitalsResources.Sign.class));
		}
		List<String> instruments = new ArrayList<>();
		Set<VitalsResources.Sign> signs = EnumSet.noneOf(VitalsResources.Sign.class);
		for (TokenParam token : code.getValuesAsQueryTokens()) {
			codes.instrument(token.getSystem(), token.getValue()).ifPresent(instruments::add);
			boolean loinc = token.getSystem() == null || token.getSystem().isEmpty()
					|| InstrumentCodes.LOINC.equals(token.getSystem());
			for (VitalsResources.Sign sign : VitalsResources.Sign.values()) {
				if (loinc && sign.codes.contains(token.getValue())) {
					signs.add(sign);
				}
			}
		}
		return new Wanted(scores && !instruments.isEmpty(), instruments,
				vitals ? signs : EnumSet.noneOf(VitalsResources.Sign.class));
	}

	private static boolean has(TokenOrListParam category, String code) {
		return category.getValuesAsQueryTokens()
			.stream()
			.anyMatch((token) -> code.equals(token.getValue()) && (token.getSystem() == null
					|| token.getSystem().isEmpty() || ObservationResources.CATEGORY_SYSTEM.equals(token.getSystem())));
	}

}
