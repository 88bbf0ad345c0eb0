package org.kapclinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The built jar ({@code target/kap-clinic-*.jar}) running as its own process, as an
 * operator runs it: for tests of what happens outside one JVM (a restore drill, two
 * instances, a failover). Its output goes to {@code app.log} beside its data.
 */
public final class AppProcess implements AutoCloseable {

	private final Process process;

	private final int port;

	private final Path log;

	private AppProcess(Process process, int port, Path log) {
		this.process = process;
		this.port = port;
		this.log = log;
	}

	/**
	 * Starts the jar with these {@code --name=value} arguments on a free port and waits
	 * until its API answers a sign-in of the demo clinic's admin and it reports ready.
	 */
	public static AppProcess start(Path logFile, Duration limit, String... arguments) {
		int port = IntegrationTest.freePort();
		List<String> command = new ArrayList<>(List.of(javaBinary(), "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Xmx512m", "-jar", jar().toString(), "--server.port=" + port));
		command.addAll(List.of(arguments));
		try {
			Files.createDirectories(logFile.getParent());
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(logFile.toFile())
				.start();
			AppProcess app = new AppProcess(process, port, logFile);
			app.awaitSignIn(limit);
			app.awaitReady(limit);
			return app;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.port;
	}

	public ApiClient api() {
		return new ApiClient(this.port);
	}

	/** A power cut: SIGKILL, nothing flushed or closed. */
	public void kill() {
		this.process.destroyForcibly();
		waitFor();
	}

	/** SIGTERM, as systemd or a container runtime stops it. */
	@Override
	public void close() {
		this.process.destroy();
		waitFor();
		if (this.process.isAlive()) {
			kill();
		}
	}

	private void waitFor() {
		try {
			this.process.waitFor(60, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until the app is ready (its start-up runners, the demo clinic among them,
	 * have finished: signing in before the demo staff exist would lock the account), then
	 * until admin can sign in.
	 */
	private void awaitSignIn(Duration limit) {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		HttpRequest readiness = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/health/readiness"))
			.build();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/auth/token"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"username\":\"admin\",\"password\":\"" + IntegrationTest.PASSWORD + "\"}"))
			.build();
		Instant deadline = Instant.now().plus(limit);
		boolean ready = false;
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException(
						"the app exited with " + this.process.exitValue() + "; see " + this.log);
			}
			try {
				if (!ready) {
					ready = http.send(readiness, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
				}
				else if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException ex) {
				// Not listening yet.
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			sleep(Duration.ofMillis(200));
		}
		kill();
		throw new IllegalStateException("the app did not answer within " + limit + "; see " + this.log);
	}

	public static void sleep(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The embedded database of an app's data directory as its owner, as an operator on
	 * the machine could (while that app runs): for fixtures' lookups and to read what was
	 * stored.
	 */
	public static JdbcClient embeddedOwner(Path dataDir) {
		try {
			List<String> pid = Files.readAllLines(dataDir.resolve("postgres").resolve("postmaster.pid"));
			return JdbcClient
				.create(new DriverManagerDataSource("jdbc:postgresql://127.0.0.1:" + pid.get(3).strip() + "/postgres",
						"postgres", Files.readString(dataDir.resolve("postgres.password")).strip()));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Ready once start-up has finished: the server listens (and signs in) before the
	 * start-up runners (migrations done, the demo clinic loading) are through.
	 */
	private void awaitReady(Duration limit) {
		Instant deadline = Instant.now().plus(limit);
		while (api().get("/actuator/health/readiness", null).status() != 200) {
			if (Instant.now().isAfter(deadline)) {
				kill();
				throw new IllegalStateException("the app was not ready within " + limit + "; see " + this.log);
			}
			sleep(Duration.ofMillis(200));
		}
	}

	/** The runnable jar that {@code package} built before the integration tests. */
	public static Path jar() {
		try (Stream<Path> files = Files.list(Path.of("target"))) {
			return files.filter((file) -> file.getFileName().toString().matches("kap-clinic-.*\\.jar"))
				.filter((file) -> !file.getFileName().toString().endsWith("-plain.jar"))
				.findFirst()
				.orElseThrow(() -> new IllegalStateException("no target/kap-clinic-*.jar: run ./mvnw package first"));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String javaBinary() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

}
