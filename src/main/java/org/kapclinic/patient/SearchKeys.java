package org.kapclinic.patient;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How names are compared in search: lower case, accents removed ("Ölaf" is found by
 * "olaf"). Computed here, in one place, for the stored keys and the typed query alike, so
 * the result never depends on the database's locale.
 */
final class SearchKeys {

	private static final Pattern MARKS = Pattern.compile("\\p{M}+");

	private SearchKeys() {
	}

	static String of(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		String decomposed = Normalizer.normalize(text.trim(), Normalizer.Form.NFD);
		return MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
	}

	/**
	 * The smallest string greater than every string starting with {@code prefix}, so that
	 * {@code key >= prefix and key < upperBound(prefix)} is a prefix match an index can
	 * range-scan (keys compare byte-wise, collation C). Null when no such bound exists.
	 */
	static String upperBound(String prefix) {
		int last = prefix.codePointBefore(prefix.length());
		if (last >= Character.MAX_CODE_POINT || Character.isSurrogate((char) (last + 1))) {
			return null;
		}
		return prefix.substring(0, prefix.length() - Character.charCount(last)) + Character.toString(last + 1);
	}

}
