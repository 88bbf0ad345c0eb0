package org.kapclinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL server of its own for a test, made from the machine's PostgreSQL binaries
 * ({@code initdb}, {@code pg_ctl}, {@code pg_basebackup}) as an operator would: for a
 * primary with a streaming standby, or a server whose WAL is archived. Listens on
 * 127.0.0.1 only, with trust authentication for its superuser (nobody else is on the test
 * machine's loopback), and with durable defaults.
 */
public final class PostgresCluster implements AutoCloseable {

	private final Path bin;

	private final Path directory;

	private final int port;

	private PostgresCluster(Path bin, Path directory, int port) {
		this.bin = bin;
		this.directory = directory;
		this.port = port;
	}

	/**
	 * The newest PostgreSQL's binaries on this machine
	 * ({@code /usr/lib/postgresql/N/bin}, Debian's layout), if any.
	 */
	public static Optional<Path> binaries() {
		Path root = Path.of("/usr/lib/postgresql");
		if (!Files.isDirectory(root)) {
			return Optional.empty();
		}
		try (Stream<Path> versions = Files.list(root)) {
			return versions.map((version) -> version.resolve("bin"))
				.filter((bin) -> Files.isExecutable(bin.resolve("initdb")))
				.max(Comparator.comparing((bin) -> Integer.parseInt(bin.getParent().getFileName().toString())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * A new primary in {@code directory}, with these lines added to its configuration.
	 */
	public static PostgresCluster initPrimary(Path bin, Path directory, String... settings) {
		int port = IntegrationTest.freePort();
		run(bin.resolve("initdb").toString(), "-D", directory.toString(), "-U", "postgres", "--auth=trust",
				"--encoding=UTF8", "--locale=C");
		PostgresCluster cluster = new PostgresCluster(bin, directory, port);
		cluster.configure(settings);
		return cluster;
	}

	/**
	 * A streaming standby of this primary ({@code pg_basebackup -R}), named {@code name}
	 * to the primary (its {@code application_name}), not started.
	 */
	public PostgresCluster standby(Path standbyDirectory, String name) {
		int standbyPort = IntegrationTest.freePort();
		run(this.bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", String.valueOf(this.port), "-U",
				"postgres", "-D", standbyDirectory.toString(), "-R", "-X", "stream", "-c", "fast");
		PostgresCluster standby = new PostgresCluster(this.bin, standbyDirectory, standbyPort);
		standby.configure("cluster_name = '" + name + "'");
		return standby;
	}

	private void configure(String... settings) {
		List<String> lines = new ArrayList<>(List.of("", "# Written by the test (PostgresCluster)",
				"port = " + this.port, "listen_addresses = '127.0.0.1'",
				"unix_socket_directories = '" + this.directory + "'", "fsync = on", "synchronous_commit = on"));
		lines.addAll(List.of(settings));
		try {
			Files.write(this.directory.resolve("postgresql.conf"), lines, StandardCharsets.UTF_8,
					StandardOpenOption.APPEND);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public PostgresCluster start() {
		run(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.toString(), "-l",
				this.directory.resolve("server.log").toString(), "-w", "-t", "60", "start");
		return this;
	}

	/**
	 * The server dies at once, as when its machine does: SIGKILL to the postmaster and
	 * every backend (left alone, a backend could still finish a commit in flight).
	 */
	public void kill() {
		try {
			long pid = Long.parseLong(Files.readAllLines(this.directory.resolve("postmaster.pid")).get(0).strip());
			ProcessHandle.of(pid).ifPresent((postmaster) -> {
				List<ProcessHandle> all = new ArrayList<>(postmaster.descendants().toList());
				all.add(postmaster);
				all.forEach(ProcessHandle::destroyForcibly);
				all.forEach((process) -> process.onExit().join());
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A standby becomes the primary ({@code pg_ctl promote}, waiting until it is). */
	public void promote() {
		run(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.toString(), "-w", "-t", "60", "promote");
	}

	/** One SQL statement as the superuser; its output, unaligned. */
	public String sql(String database, String statement) {
		return run(this.bin.resolve("psql").toString(), "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
				"-p", String.valueOf(this.port), "-U", "postgres", "-d", database, "-c", statement)
			.strip();
	}

	public int port() {
		return this.port;
	}

	public Path directory() {
		return this.directory;
	}

	@Override
	public void close() {
		if (Files.exists(this.directory.resolve("postmaster.pid"))) {
			runQuietly(this.bin.resolve("pg_ctl").toString(), "-D", this.directory.toString(), "-m", "immediate", "-w",
					"stop");
		}
	}

	/**
	 * A directory for clusters: PostgreSQL refuses to run as root, so when the tests run
	 * as root (CI in a container) the servers run as the machine's {@code postgres} user,
	 * who owns this directory.
	 */
	public static Path workDirectory(String name) {
		try {
			Path directory = Files.createTempDirectory(name);
			if (ROOT) {
				run("chown", "postgres", directory.toString());
			}
			return directory;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Hands a directory made by the test to the user the servers run as (a WAL archive, a
	 * restored data directory).
	 */
	public static void giveToServerUser(Path directory) {
		if (ROOT) {
			run("chown", "-R", "postgres", directory.toString());
		}
	}

	/**
	 * A data directory made elsewhere (restored from a backup) as a cluster on a new
	 * port.
	 */
	public static PostgresCluster existing(Path bin, Path directory) {
		PostgresCluster cluster = new PostgresCluster(bin, directory, IntegrationTest.freePort());
		cluster.configure();
		return cluster;
	}

	private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

	private static String run(String... command) {
		List<String> line = new ArrayList<>();
		if (ROOT && command[0].startsWith("/usr/lib/postgresql")) {
			line.addAll(List.of("runuser", "-u", "postgres", "--"));
		}
		line.addAll(List.of(command));
		try {
			Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
				throw new IllegalStateException(String.join(" ", line) + " failed:\n" + output);
			}
			return output;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static void runQuietly(String... command) {
		try {
			run(command);
		}
		catch (IllegalStateException ex) {
			// Already stopped.
		}
	}

}
