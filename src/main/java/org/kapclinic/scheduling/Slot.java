package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A free slot: a room or chair and the staff who can take it. */
record Slot(Instant start, Instant end, UUID roomId, List<UUID> staffIds) {
}
