package org.kapclinic.dosing;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The last copy of each active session that a vitals write read, so the next reading on
 * that session needs no read of its own. A copy may be out of date: nothing is stored on
 * its word alone. {@link VitalsWriter} stores a reading only if the session's version in
 * the database, under a share lock in the writing transaction, is still the copy's (every
 * change to a session moves its version on, V31); otherwise the copy is forgotten and the
 * reading is decided again on the locked row.
 */
@Component
class RecentSessions {

	/** Far more than a clinic's chairs; past it the copies are dropped, not grown. */
	private static final int LIMIT = 2000;

	private final Map<UUID, DosingSession> copies = new ConcurrentHashMap<>();

	DosingSession get(UUID id) {
		return this.copies.get(id);
	}

	void remember(DosingSession session) {
		if (session.state().closed()) {
			this.copies.remove(session.id());
			return;
		}
		if (this.copies.size() >= LIMIT) {
			this.copies.clear();
		}
		this.copies.put(session.id(), session);
	}

	void forget(UUID id) {
		this.copies.remove(id);
	}

	void forgetAll() {
		this.copies.clear();
	}

}
