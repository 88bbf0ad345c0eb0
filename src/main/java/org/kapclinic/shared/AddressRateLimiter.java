package org.kapclinic.shared;

import java.util.LinkedHashMap;
import java.util.Map;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

/**
 * Rate limits of a public form (token buckets, Bucket4j), in memory per app instance: per
 * client address, IPv6 addresses counted per /64 (one household or one attacker's whole
 * network), and for all addresses together, each per window. Used by the consultation
 * request form and the access fund's pledge form. At most {@value #MAX_TRACKED} addresses
 * are remembered, the least recently seen forgotten first: emptying the whole table when
 * it filled up let 100,000 fresh addresses clear every limit (issue 16 finding 4).
 */
public final class AddressRateLimiter {

	static final int MAX_TRACKED = 100_000;

	private final int perAddress;

	private final java.time.Duration window;

	private final Bucket everyone;

	private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
			return size() > MAX_TRACKED;
		}
	};

	public AddressRateLimiter(int perAddress, int perWindow, java.time.Duration window) {
		this.perAddress = perAddress;
		this.window = window;
		this.everyone = bucket(perWindow);
	}

	/** Whether one more submission from this address is allowed now. */
	public synchronized boolean tryAcquire(String address) {
		Bucket own = this.buckets.computeIfAbsent(key(address), (key) -> bucket(this.perAddress));
		if (own.getAvailableTokens() < 1) {
			return false;
		}
		return this.everyone.tryConsume(1) && own.tryConsume(1);
	}

	/**
	 * The address as counted: an IPv6 address by its /64 network (its first four groups),
	 * anything else as given.
	 */
	public static String key(String address) {
		if (address == null || address.isBlank()) {
			return "unknown";
		}
		if (!address.contains(":")) {
			return address;
		}
		String[] groups = expand(address).split(":");
		return String.join(":", groups[0], groups[1], groups[2], groups[3]) + "::/64";
	}

	/** An IPv6 literal with "::" written out as zero groups (no name lookup). */
	private static String expand(String address) {
		String plain = address.replaceAll("^\\[|\\]$", "").replaceAll("%.*$", "");
		if (!plain.contains("::")) {
			return plain.toLowerCase();
		}
		String[] halves = plain.split("::", -1);
		String[] head = halves[0].isEmpty() ? new String[0] : halves[0].split(":");
		String[] tail = halves[1].isEmpty() ? new String[0] : halves[1].split(":");
		StringBuilder full = new StringBuilder(String.join(":", head));
		for (int i = head.length + tail.length; i < 8; i++) {
			full.append(full.length() > 0 ? ":" : "").append('0');
		}
		for (String group : tail) {
			full.append(':').append(group);
		}
		return full.toString().toLowerCase();
	}

	private Bucket bucket(int perWindow) {
		return Bucket.builder()
			.addLimit(Bandwidth.builder().capacity(perWindow).refillIntervally(perWindow, this.window).build())
			.build();
	}

}
