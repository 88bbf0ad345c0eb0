package org.kapclinic.shared;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Signals between the app instances sharing one database, over PostgreSQL's
 * {@code LISTEN/NOTIFY} (issue 17: no home-made cluster code): "a session changed", "this
 * person's tokens are void", "a template was published". A signal published inside a
 * transaction is delivered when, and only if, it commits; every instance, this one
 * included, hears it, so a handler does the same work wherever the change was made.
 *
 * <p>
 * Each instance keeps one connection of its own listening (outside the pool). If it
 * breaks (a restart or a failover of the database), signals sent meanwhile are lost, so
 * on reconnecting every handler is called with {@code null}: "anything may have changed,
 * drop what you hold".
 */
@Component
public class ClusterSignals implements SmartLifecycle {

	private static final String CHANNEL = "kap_signals";

	private static final Logger log = LoggerFactory.getLogger(ClusterSignals.class);

	private final DataSource dataSource;

	private final JdbcTemplate jdbc;

	private final Map<String, List<Consumer<String>>> handlers = new ConcurrentHashMap<>();

	private final String instance = UUID.randomUUID().toString();

	private volatile boolean running;

	private Thread listener;

	public ClusterSignals(DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Sends {@code payload} (no patient data: ids only) on {@code topic} to every
	 * instance, at the commit of the current transaction if there is one.
	 */
	public void publish(String topic, String payload) {
		this.jdbc.query("select pg_notify(?, ?)", (rs) -> null, CHANNEL, topic + "\t" + payload);
	}

	/**
	 * Calls {@code handler} with each payload published on {@code topic}, or null after a
	 * gap in which signals may have been lost. Handlers run on the listener's thread:
	 * keep them short.
	 */
	public void subscribe(String topic, Consumer<String> handler) {
		this.handlers.computeIfAbsent(topic, (t) -> new CopyOnWriteArrayList<>()).add(handler);
	}

	/** This instance's id, for logs. */
	public String instance() {
		return this.instance;
	}

	@Override
	public void start() {
		this.running = true;
		this.listener = new Thread(this::listen, "cluster-signals");
		this.listener.setDaemon(true);
		this.listener.start();
	}

	@Override
	public void stop() {
		this.running = false;
		if (this.listener != null) {
			this.listener.interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return this.running;
	}

	private void listen() {
		boolean first = true;
		while (this.running) {
			try (Connection connection = connect(); Statement statement = connection.createStatement()) {
				statement.execute("listen " + CHANNEL);
				if (!first) {
					log.info("Listening for signals of other instances again; dropping what may be stale");
					deliverToAll(null);
				}
				first = false;
				PGConnection postgres = connection.unwrap(PGConnection.class);
				while (this.running) {
					PGNotification[] notifications = postgres.getNotifications(1000);
					if (notifications != null) {
						for (PGNotification notification : notifications) {
							deliver(notification.getParameter());
						}
					}
				}
			}
			catch (SQLException ex) {
				if (this.running) {
					log.warn("Lost the connection listening for other instances' signals; retrying in 1 s: {}",
							ex.getMessage());
					first = false;
					pause();
				}
			}
		}
	}

	private void deliver(String message) {
		int tab = message.indexOf('\t');
		if (tab < 0) {
			return;
		}
		List<Consumer<String>> subscribed = this.handlers.get(message.substring(0, tab));
		if (subscribed != null) {
			String payload = message.substring(tab + 1);
			subscribed.forEach((handler) -> call(handler, payload));
		}
	}

	private void deliverToAll(String payload) {
		this.handlers.values().forEach((list) -> list.forEach((handler) -> call(handler, payload)));
	}

	private static void call(Consumer<String> handler, String payload) {
		try {
			handler.accept(payload);
		}
		catch (RuntimeException ex) {
			log.warn("A signal handler failed", ex);
		}
	}

	/**
	 * A connection outside the pool (it is held for the app's life), made as the pool
	 * makes its own.
	 */
	private Connection connect() throws SQLException {
		HikariDataSource hikari = this.dataSource.isWrapperFor(HikariDataSource.class)
				? this.dataSource.unwrap(HikariDataSource.class) : null;
		if (hikari != null && hikari.getJdbcUrl() != null) {
			Connection connection = DriverManager.getConnection(hikari.getJdbcUrl(), hikari.getUsername(),
					hikari.getPassword());
			if (hikari.getConnectionInitSql() != null) {
				try (Statement init = connection.createStatement()) {
					init.execute(hikari.getConnectionInitSql());
				}
			}
			connection.setAutoCommit(true);
			return connection;
		}
		return this.dataSource.getConnection();
	}

	private void pause() {
		try {
			Thread.sleep(1000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
