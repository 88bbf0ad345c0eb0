package org.kapclinic.patient;

/** Small text rules shared by the patient records. */
final class Texts {

	/** Loose on purpose: international numbers, extensions, spaces and punctuation. */
	static final String PHONE = "^$|^\\+?[0-9 ().\\-]{7,20}( ?(x|ext\\.?) ?[0-9]{1,6})?$";

	static final String PHONE_MESSAGE = "must be a phone number (digits, spaces, + ( ) . -)";

	private Texts() {
	}

	static boolean allBlank(String... values) {
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				return false;
			}
		}
		return true;
	}

	static String join(String separator, String... values) {
		StringBuilder joined = new StringBuilder();
		for (String value : values) {
			if (value != null && !value.isBlank()) {
				joined.append((joined.length() > 0) ? separator : "").append(value.trim());
			}
		}
		return joined.toString();
	}

	/** Blank becomes null so optional fields are stored as absent, not as empty text. */
	static String clean(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
