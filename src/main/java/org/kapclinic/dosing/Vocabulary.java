package org.kapclinic.dosing;

import java.util.function.Function;

/**
 * Looks up the label of a stored code. Stored codes outlive vocabularies (a code retired
 * from an enum stays in old sessions), so an unknown code is shown in words ("Some code")
 * rather than failing the page.
 */
final class Vocabulary {

	private Vocabulary() {
	}

	static <E extends Enum<E>> String label(Class<E> type, String code, Function<E, String> label) {
		if (code == null) {
			return "";
		}
		try {
			return label.apply(Enum.valueOf(type, code));
		}
		catch (IllegalArgumentException ex) {
			return inWords(code);
		}
	}

	/** Every code of a vocabulary, for checking stored or submitted codes. */
	static <E extends Enum<E>> java.util.Set<String> codes(Class<E> type) {
		return java.util.Arrays.stream(type.getEnumConstants())
			.map(Enum::name)
			.collect(java.util.stream.Collectors.toUnmodifiableSet());
	}

	static String inWords(String code) {
		String words = code.replace('_', ' ').toLowerCase(java.util.Locale.ROOT);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

}
