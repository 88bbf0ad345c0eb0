package org.kapclinic.scheduling;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a chair or room is equipped with: a controlled vocabulary (issue 15), so an
 * administrator who types "iv pump" gets the IV pump and not a chair that silently no
 * infusion can be booked in. Requests may send the code or the label in any case and
 * spacing; anything else is refused. Stored as codes ({@code scheduling.room} checks
 * them; {@code V69} migrated the free text).
 */
public enum RoomCapability {

	IV_PUMP("IV pump"), PULSE_OXIMETER("pulse oximeter"), BLOOD_PRESSURE_MONITOR("blood pressure monitor"),
	CARDIAC_MONITOR("cardiac monitor"), OXYGEN("oxygen"), SUCTION("suction"), RESUSCITATION_CART("resuscitation cart"),
	RECLINER("reclining chair");

	private final String label;

	RoomCapability(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** The capability a code or label names (any case, any spacing), if any. */
	public static Optional<RoomCapability> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String wanted = normal(text);
		return Arrays.stream(values())
			.filter((c) -> normal(c.name()).equals(wanted) || normal(c.label).equals(wanted))
			.findFirst();
	}

	/** The labels of stored codes, comma-separated (an unknown code as it is). */
	public static String labels(java.util.List<String> codes) {
		return codes.stream()
			.map((code) -> parse(code).map(RoomCapability::label).orElse(code))
			.collect(Collectors.joining(", "));
	}

	/** The vocabulary in words, for a refusal. */
	static String choices() {
		return Arrays.stream(values()).map(RoomCapability::label).collect(Collectors.joining(", "));
	}

	private static String normal(String text) {
		return text.strip().replaceAll("[\\s_-]+", " ").toLowerCase(Locale.ROOT);
	}

}
