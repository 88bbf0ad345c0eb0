package org.kapclinic.shared;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The application's pool with connections kept for the {@link GroupCommit} writers.
 *
 * <p>
 * A caller of a group-commit writer waits for its item's commit, and many wait holding a
 * pooled connection: a read's transaction that audits what it read, a fund decision that
 * read its application first. When as many such callers wait together as the pool holds
 * connections, the writer finds none to commit them with, and everyone waits for the
 * pool's timeout: 20 parallel fund decisions on a pool of 20 answered "too busy" after 30
 * s (CI, 2026-12-06). So other threads share the pool's size less {@code reserved}
 * connections, queueing here for up to the pool's own connection timeout, and a writer's
 * thread takes from the pool without queueing: the callers can never hold the connection
 * their commit needs.
 */
final class WriterReservingDataSource extends DelegatingDataSource {

	private final Semaphore callers;

	private final int callerConnections;

	private final long waitMillis;

	/** This thread's open connections: only its first waits for (and takes) a permit. */
	private final ThreadLocal<int[]> opened = ThreadLocal.withInitial(() -> new int[1]);

	/**
	 * @param pool the pool
	 * @param poolSize its maximum size
	 * @param reserved connections only writers' threads may take (at least 1, fewer than
	 * {@code poolSize})
	 * @param waitMillis how long another thread waits for a connection
	 */
	WriterReservingDataSource(DataSource pool, int poolSize, int reserved, long waitMillis) {
		super(pool);
		if (reserved < 1 || reserved >= poolSize) {
			throw new IllegalArgumentException("kap.datasource.writers.reserved-connections must be at least 1 and "
					+ "less than the pool's maximum size (" + poolSize + "), not " + reserved);
		}
		this.callerConnections = poolSize - reserved;
		this.callers = new Semaphore(this.callerConnections, true);
		this.waitMillis = waitMillis;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return admitted(super::getConnection);
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return admitted(() -> super.getConnection(username, password));
	}

	/** Connections other threads may hold at once. */
	int callerConnections() {
		return this.callerConnections;
	}

	private Connection admitted(Opener opener) throws SQLException {
		if (GroupCommit.onWriterThread()) {
			return opener.open();
		}
		int[] opened = this.opened.get();
		boolean first = opened[0] == 0;
		if (first) {
			admit();
		}
		try {
			Connection connection = opener.open();
			opened[0]++;
			return releasingOnClose(connection, opened, first);
		}
		catch (SQLException | RuntimeException ex) {
			if (first) {
				this.callers.release();
			}
			throw ex;
		}
	}

	private void admit() throws SQLException {
		try {
			if (!this.callers.tryAcquire(this.waitMillis, TimeUnit.MILLISECONDS)) {
				throw new SQLTransientConnectionException("No connection became free within " + this.waitMillis
						+ " ms: all " + this.callerConnections + " connections not kept for the writers are in use");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new SQLTransientConnectionException("Interrupted while waiting for a connection", ex);
		}
	}

	/**
	 * The connection, counting its close; a thread's first connection also gives its
	 * permit back.
	 */
	private Connection releasingOnClose(Connection connection, int[] opened, boolean permit) {
		AtomicBoolean closed = new AtomicBoolean();
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, (proxy, method, args) -> {
					if ("equals".equals(method.getName()) && method.getParameterCount() == 1) {
						return proxy == args[0];
					}
					if ("hashCode".equals(method.getName()) && method.getParameterCount() == 0) {
						return System.identityHashCode(proxy);
					}
					if ("close".equals(method.getName()) && method.getParameterCount() == 0) {
						try {
							connection.close();
						}
						finally {
							if (closed.compareAndSet(false, true)) {
								opened[0]--;
								if (permit) {
									this.callers.release();
								}
							}
						}
						return null;
					}
					try {
						return method.invoke(connection, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getCause();
					}
				});
	}

	private interface Opener {

		Connection open() throws SQLException;

	}

}
