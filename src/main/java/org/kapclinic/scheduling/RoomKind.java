package org.kapclinic.scheduling;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a bookable place is: a treatment chair (dosing happens there) or a room. */
public enum RoomKind {

	CHAIR("Treatment chair"), ROOM("Room");

	private final String label;

	RoomKind(String label) {
		this.label = label;
	}

	/** In words, for people. */
	public String label() {
		return this.label;
	}

	/**
	 * The kind a request names by its code, in any case; empty for anything else or
	 * nothing.
	 */
	static Optional<RoomKind> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		return Arrays.stream(values()).filter((kind) -> kind.name().equalsIgnoreCase(code.strip())).findFirst();
	}

	/** The codes a request may send, for a refusal that says what to send instead. */
	static String choices() {
		return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(" or "));
	}

}
