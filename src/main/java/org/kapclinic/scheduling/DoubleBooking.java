package org.kapclinic.scheduling;

import java.util.UUID;

import org.kapclinic.shared.ConflictException;
import org.postgresql.util.PSQLException;
import org.springframework.dao.DataAccessException;

/** What the database's exclusion constraints answer for a room, a patient or a seat. */
final class DoubleBooking {

	private DoubleBooking() {
	}

	/**
	 * Inserts a hold; a double booking is a 409. Two transactions inserting the same slot
	 * at once each wait for the other's exclusion check, and PostgreSQL's deadlock
	 * detector ends one of them (40P01) while the other goes on: the victim lost the
	 * slot, so it is the same 409 (seen once in 50 simultaneous bookings of one chair).
	 */
	static void hold(String resourceType, UUID resourceId, Runnable insert, String message) {
		try {
			insert.run();
		}
		catch (DataAccessException ex) {
			if (ex.getMostSpecificCause() instanceof PSQLException psql
					&& ("23P01".equals(psql.getSQLState()) || "40P01".equals(psql.getSQLState()))) {
				throw new ConflictException(message, resourceType, resourceId);
			}
			throw ex;
		}
	}

}
