package org.kapclinic.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ExecutionException;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * The pool's admission without a database: at most the pool's size less the writers'
 * reserve of other threads hold connections; a thread's nested connection never waits for
 * its own first one. (AuditedReadsUnderLoadIT shows the starvation it prevents.)
 */
class WriterReservingDataSourceTests {

	private final DataSource pool = mock(DataSource.class);

	@Test
	void thePoolLessTheReserveIsWhatOtherThreadsMayHoldAtOnce() throws Exception {
		when(this.pool.getConnection()).thenAnswer((invocation) -> mock(Connection.class));
		WriterReservingDataSource reserving = new WriterReservingDataSource(this.pool, 3, 1, 100);

		Connection first = onAnotherThread(reserving);
		Connection second = onAnotherThread(reserving);
		assertThatThrownBy(() -> onAnotherThread(reserving)).hasCauseInstanceOf(SQLTransientConnectionException.class)
			.hasMessageContaining("all 2 connections not kept for the writers are in use");

		first.close();
		first.close();
		Connection third = onAnotherThread(reserving);
		assertThatThrownBy(() -> onAnotherThread(reserving)).as("closing twice gives back one permit")
			.hasCauseInstanceOf(SQLTransientConnectionException.class);
		second.close();
		third.close();
		verify(this.pool, times(3)).getConnection();
	}

	@Test
	void aThreadsSecondConnectionDoesNotWaitForItsFirst() throws Exception {
		when(this.pool.getConnection()).thenAnswer((invocation) -> mock(Connection.class));
		WriterReservingDataSource reserving = new WriterReservingDataSource(this.pool, 2, 1, 100);

		try (Connection outer = reserving.getConnection(); Connection nested = reserving.getConnection()) {
			assertThat(nested).isNotSameAs(outer);
			assertThatThrownBy(() -> onAnotherThread(reserving)).as("another thread still waits")
				.hasCauseInstanceOf(SQLTransientConnectionException.class);
		}
		onAnotherThread(reserving).close();
	}

	@Test
	void aFailedOpenGivesItsPermitBack() throws Exception {
		when(this.pool.getConnection()).thenThrow(new SQLException("server gone"))
			.thenAnswer((invocation) -> mock(Connection.class));
		WriterReservingDataSource reserving = new WriterReservingDataSource(this.pool, 2, 1, 100);

		assertThatThrownBy(reserving::getConnection).hasMessage("server gone");
		assertThat(onAnotherThread(reserving)).isNotNull();
	}

	@Test
	void theReserveMustLeaveOthersAConnectionAndKeepOne() throws SQLException {
		assertThatThrownBy(() -> new WriterReservingDataSource(this.pool, 3, 3, 100))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("kap.datasource.writers.reserved-connections");
		assertThatThrownBy(() -> new WriterReservingDataSource(this.pool, 3, 0, 100))
			.isInstanceOf(IllegalArgumentException.class);
		verify(this.pool, never()).getConnection(any(), any());
	}

	/**
	 * On a new thread each time: a pooled thread may still hold a connection it opened.
	 */
	private static Connection onAnotherThread(DataSource dataSource) throws InterruptedException, ExecutionException {
		FutureTask<Connection> open = new FutureTask<>(dataSource::getConnection);
		new Thread(open).start();
		return open.get();
	}

}
