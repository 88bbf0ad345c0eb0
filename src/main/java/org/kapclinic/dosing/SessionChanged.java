package org.kapclinic.dosing;

import java.util.UUID;

/** Something on a session changed: the floor board refreshes after the commit. */
record SessionChanged(UUID sessionId) {
}
