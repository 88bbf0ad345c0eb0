package org.kapclinic.identity;

import java.util.SplittableRandom;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The loop decides exactly as Spring Security's default patterns would: same answer for
 * ASCII, controls, tabs, unassigned and supplementary code points.
 */
class HeaderCheckingFirewallTests {

	/** StrictHttpFirewall's defaults (Spring Security 7.1). */
	private static final Pattern NAMES = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

	private static final Pattern VALUES = Pattern.compile("[\\p{IsAssigned}&&[[^\\p{IsControl}]||\\t]]*");

	@Test
	void decidesAsTheDefaultPatternsDo() {
		String[] samples = { "", "Bearer abc.DEF-123_~", "a\tb", "a\nb", "a\u0000", "caf\u00e9", "\u0085", "\u00a0",
				"\u0378", "\ud83d\ude00", "\ud83d", "x\u007f", "\u2028", "\uffff" };
		for (String sample : samples) {
			assertThat(HeaderCheckingFirewall.allowed(sample, false)).as(sample)
				.isEqualTo(NAMES.matcher(sample).matches());
			assertThat(HeaderCheckingFirewall.allowed(sample, true)).as(sample)
				.isEqualTo(VALUES.matcher(sample).matches());
		}
		SplittableRandom random = new SplittableRandom(22);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			for (int j = random.nextInt(1, 4); j > 0; j--) {
				text.appendCodePoint(random.nextInt(0, 0x30000));
			}
			String sample = text.toString();
			assertThat(HeaderCheckingFirewall.allowed(sample, false)).as(sample)
				.isEqualTo(NAMES.matcher(sample).matches());
			assertThat(HeaderCheckingFirewall.allowed(sample, true)).as(sample)
				.isEqualTo(VALUES.matcher(sample).matches());
		}
	}

	/**
	 * As by default: the application, not the firewall, answers a control character in a
	 * parameter's value (a 400 naming the field, RequestLimitsIT).
	 */
	@Test
	void leavesParameterValuesToTheApplication() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/patients");
		request.addParameter("q", "ab\u0000c");
		var firewalled = HeaderCheckingFirewall.create().getFirewalledRequest(request);
		assertThat(firewalled.getParameter("q")).isEqualTo("ab\u0000c");
	}

	@Test
	void refusesAControlCharacterInAHeader() {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/fhir/Patient");
		request.addHeader("X-Test", "a\u0001b");
		var firewalled = HeaderCheckingFirewall.create().getFirewalledRequest(request);
		assertThatThrownBy(() -> firewalled.getHeader("X-Test")).isInstanceOf(RequestRejectedException.class);
	}

}
