package org.kapclinic.scheduling;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.shared.ConflictException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What a hold on a room, a patient or a seat answers when the database refuses it. A
 * double booking (exclusion constraint, 23P01) and the deadlock PostgreSQL breaks when
 * two transactions insert the same slot at once (40P01: each waits on the other's
 * exclusion check) both mean someone else has the slot: a 409 naming the resource. Before
 * this, the deadlock victim among 50 simultaneous bookings of one chair answered 500.
 */
class DoubleBookingTests {

	private static final UUID ROOM = UUID.fromString("0190f0e0-0000-7000-8000-00000000a001");

	@Test
	void anExclusionViolationIsA409NamingTheRoom() {
		assertThatThrownBy(() -> DoubleBooking.hold("Room", ROOM, () -> {
			throw new DataIntegrityViolationException("exclusion", sqlState("23P01"));
		}, "The room is booked then.")).isInstanceOfSatisfying(ConflictException.class, (conflict) -> {
			assertThat(conflict.resourceType()).isEqualTo("Room");
			assertThat(conflict.resourceId()).isEqualTo(ROOM);
		});
	}

	@Test
	void theDeadlockOfTwoSimultaneousBookingsIsTheSame409() {
		assertThatThrownBy(() -> DoubleBooking.hold("Room", ROOM, () -> {
			throw new CannotAcquireLockException("deadlock", sqlState("40P01"));
		}, "The room is booked then.")).isInstanceOf(ConflictException.class).hasMessage("The room is booked then.");
	}

	@Test
	void anyOtherDatabaseFailureIsNotDisguisedAsAConflict() {
		assertThatThrownBy(() -> DoubleBooking.hold("Room", ROOM, () -> {
			throw new DataIntegrityViolationException("not null", sqlState("23502"));
		}, "The room is booked then.")).isInstanceOf(DataIntegrityViolationException.class);
	}

	private static PSQLException sqlState(String state) {
		return new PSQLException("from the server", PSQLState.UNKNOWN_STATE) {
			@Override
			public String getSQLState() {
				return state;
			}
		};
	}

}
