package org.kapclinic.scheduling;

import java.util.List;
import java.util.UUID;

/**
 * A treatment chair or a room, with what it is equipped for (e.g. "IV pump", "pulse
 * oximeter").
 */
public record Room(UUID id, String name, String kind, List<String> capabilities, boolean active) {

	public boolean has(List<String> needs) {
		return needs.stream().allMatch((need) -> this.capabilities.stream().anyMatch(need::equalsIgnoreCase));
	}

}
