package org.kapclinic.scheduling;

import java.util.List;
import java.util.UUID;

/**
 * A treatment chair or a room, with what it is equipped for.
 *
 * @param capabilities {@link RoomCapability} codes
 * @param unrecognisedCapabilities free text typed before capabilities were a vocabulary
 * that names none of it, kept for an administrator to resolve (never counted as
 * equipment)
 */
public record Room(UUID id, String name, RoomKind kind, List<String> capabilities, boolean active,
		List<String> unrecognisedCapabilities) {

	/**
	 * Whether the room has every need (codes or labels, as course templates write them);
	 * a need that names no capability is never met.
	 */
	public boolean has(List<String> needs) {
		return needs.stream()
			.map(RoomCapability::parse)
			.allMatch((need) -> need.isPresent() && this.capabilities.contains(need.get().name()));
	}

	public boolean has(RoomCapability capability) {
		return this.capabilities.contains(capability.name());
	}

	/** What the room is equipped with, in words. */
	public String capabilityLabels() {
		return RoomCapability.labels(this.capabilities);
	}

	/** A treatment chair (dosing happens there) rather than a room. */
	public boolean chair() {
		return this.kind == RoomKind.CHAIR;
	}

	/** The kind in words. */
	public String kindLabel() {
		return this.kind.label();
	}

}
