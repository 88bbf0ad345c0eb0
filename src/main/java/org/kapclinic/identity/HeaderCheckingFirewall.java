package org.kapclinic.identity;

import java.util.function.Predicate;

import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's {@link StrictHttpFirewall} with its header-name, header-value and
 * parameter-name rules checked by a loop instead of its Unicode regular expressions.
 *
 * <p>
 * The rules are the same as the defaults ({@code [\p{IsAssigned}&&[^\p{IsControl}]]*} for
 * names, tab also allowed in header values; parameter values stay unchecked, as by
 * default, so the application answers a control character in search text with a field
 * error): only the way of checking differs. The regular expressions ran on every header
 * each time any code read the headers — HAPI's FHIR server reads them all on every
 * request — and took a fifth of the CPU of a {@code Patient/{id}} read under load (issue
 * 22's read budget).
 */
final class HeaderCheckingFirewall {

	private HeaderCheckingFirewall() {
	}

	static StrictHttpFirewall create() {
		StrictHttpFirewall firewall = new StrictHttpFirewall();
		Predicate<String> assignedNotControl = (value) -> allowed(value, false);
		firewall.setAllowedHeaderNames(assignedNotControl);
		firewall.setAllowedHeaderValues((value) -> allowed(value, true));
		firewall.setAllowedParameterNames(assignedNotControl);
		return firewall;
	}

	/**
	 * Every code point assigned and not a control character (tab allowed when
	 * {@code tab}); printable ASCII, nearly every header, is decided without a lookup.
	 */
	static boolean allowed(String value, boolean tab) {
		int length = value.length();
		for (int i = 0; i < length;) {
			char c = value.charAt(i);
			if (c >= 0x20 && c < 0x7f) {
				i++;
				continue;
			}
			int codePoint = value.codePointAt(i);
			int type = Character.getType(codePoint);
			if (type == Character.UNASSIGNED || (type == Character.CONTROL && !(tab && codePoint == '\t'))) {
				return false;
			}
			i += Character.charCount(codePoint);
		}
		return true;
	}

}
