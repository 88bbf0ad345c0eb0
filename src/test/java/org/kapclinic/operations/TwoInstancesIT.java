package org.kapclinic.operations;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.util.FileSystemUtils;

import org.kapclinic.ApiClient;
import org.kapclinic.ApiClient.Response;
import org.kapclinic.AppProcess;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.kapclinic.PostgresCluster;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances of the built jar on one PostgreSQL server (issue 17), each on its own
 * port, as behind a load balancer: a browser signed in on A carries on on B; the same
 * chair booked on A and B at once is won by exactly one; a reminder due once is mailed
 * once; a vital recorded on A reaches a floor board's event stream open on B in under 2
 * s; and a user deactivated on A loses their browser session and API token on B at once.
 * Each instance signs in with the app's own login and migrates as the owner, as in
 * production: on the CI PostgreSQL server in CI's second pass, on a server of the
 * machine's PostgreSQL binaries otherwise.
 */
class TwoInstancesIT {

	private static final String APP_PASSWORD = "twin-app-login-2026";

	private static final String OWNER_PASSWORD = "twin-owner-login-2026";

	@Test
	void twoInstancesActAsOneClinic() throws Exception {
		GreenMail mail = new GreenMail(new ServerSetup(IntegrationTest.freePort(), "127.0.0.1", "smtp"));
		mail.start();
		Path work = PostgresCluster.workDirectory("kap-two-instances");
		try (Database database = Database.forThisRun(work)) {
			try (AppProcess a = start(work.resolve("a.log"), database, mail, "--kap.demo.patients=10");
					AppProcess b = start(work.resolve("b.log"), database, mail, "--kap.demo.enabled=false")) {
				JdbcClient owner = JdbcClient
					.create(new DriverManagerDataSource(database.url(), database.owner(), OWNER_PASSWORD));
				aBrowserCarriesOnOnTheOtherInstance(a, b);
				oneOfTwoBookingsAtOnceWinsAndItsReminderIsMailedOnce(a, b, mail);
				aVitalOnAReachesABoardOnB(a, b, owner);
				deactivationOnAEndsAccessOnB(a, b);
			}
		}
		finally {
			mail.stop();
			FileSystemUtils.deleteRecursively(work);
		}
	}

	/**
	 * The database both instances share, with an owner that migrates and a login for the
	 * app, as in production: in CI's second pass a new database on the PostgreSQL server
	 * the suite runs against ({@code -Dkap.it.datasource.url}), otherwise a server of the
	 * machine's PostgreSQL binaries.
	 */
	private record Database(String url, String owner, String app, Runnable drop) implements AutoCloseable {

		static Database forThisRun(Path work) {
			String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
			String owner = "twin_owner_" + suffix;
			String app = "twin_app_" + suffix;
			String server = System.getProperty("kap.it.datasource.url", "");
			if (!server.isBlank()) {
				String base = server.substring(0, server.lastIndexOf('/'));
				JdbcClient admin = JdbcClient.create(new DriverManagerDataSource(base + "/postgres",
						System.getProperty("kap.it.datasource.username", "postgres"), ""));
				String database = "kap_twin_" + suffix;
				admin.sql("do $$ begin create role kap_app nologin; exception when duplicate_object then null; end $$")
					.update();
				admin.sql("create role " + owner + " login password '" + OWNER_PASSWORD + "'").update();
				admin.sql("create role " + app + " login password '" + APP_PASSWORD + "' in role kap_app").update();
				admin.sql("create database " + database + " owner " + owner).update();
				return new Database(base + "/" + database, owner, app, () -> {
					admin.sql("drop database if exists " + database + " with (force)").update();
					admin.sql("drop role if exists " + app).update();
					admin.sql("drop role if exists " + owner).update();
				});
			}
			Optional<Path> bin = PostgresCluster.binaries();
			Assumptions.assumeTrue(bin.isPresent(), "no PostgreSQL binaries under /usr/lib/postgresql");
			PostgresCluster cluster = PostgresCluster.initPrimary(bin.get(), work.resolve("db")).start();
			cluster.sql("postgres", "create role " + owner + " login password '" + OWNER_PASSWORD + "'");
			cluster.sql("postgres", "create role kap_app nologin");
			cluster.sql("postgres", "create role " + app + " login password '" + APP_PASSWORD + "' in role kap_app");
			cluster.sql("postgres", "create database kap owner " + owner);
			return new Database("jdbc:postgresql://127.0.0.1:" + cluster.port() + "/kap", owner, app, cluster::close);
		}

		@Override
		public void close() {
			this.drop.run();
		}

	}

	private static AppProcess start(Path log, Database database, GreenMail mail, String... more) {
		List<String> arguments = new ArrayList<>(List.of("--spring.profiles.active=demo",
				"--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.app(),
				"--spring.datasource.password=" + APP_PASSWORD,
				"--kap.datasource.migration-username=" + database.owner(),
				"--kap.datasource.migration-password=" + OWNER_PASSWORD,
				"--kap.audit.key=" + IntegrationTest.TEST_AUDIT_KEY, "--kap.security.trusted-proxies=127\\.0\\.0\\.1",
				"--kap.audit.checkpoint-dir=" + log.resolveSibling("checkpoints"), "--kap.clinic.time-zone=UTC",
				"--spring.mail.host=127.0.0.1", "--spring.mail.port=" + mail.getSmtp().getPort(),
				"--kap.mail.poll-interval=200ms", "--kap.scheduling.reminder-poll=1s",
				// CI's server is shared with the suite's two JVMs (100 connections in
				// all).
				"--spring.datasource.hikari.maximum-pool-size=4"));
		arguments.addAll(List.of(more));
		return AppProcess.start(log, Duration.ofMinutes(4), arguments.toArray(String[]::new));
	}

	private static void aBrowserCarriesOnOnTheOtherInstance(AppProcess a, AppProcess b) {
		BrowserSession onA = BrowserSession.signIn(a.port(), "nurse.bell", IntegrationTest.PASSWORD);
		HttpResponse<String> board = onA.on(b.port()).get("/dosing/board");
		assertThat(board.statusCode()).as("signed in on A, the board on B").isEqualTo(200);
	}

	private static void oneOfTwoBookingsAtOnceWinsAndItsReminderIsMailedOnce(AppProcess a, AppProcess b, GreenMail mail)
			throws Exception {
		ApiClient apiA = a.api();
		ApiClient apiB = b.api();
		String prescriberA = apiA.token("dr.quill", IntegrationTest.PASSWORD);
		String prescriberB = apiB.token("dr.quill", IntegrationTest.PASSWORD);
		String room = apiA
			.post("/api/v1/rooms",
					Map.of("name", "twin-room-" + UUID.randomUUID(), "kind", "ROOM", "capabilities", List.of()),
					apiA.token("admin", IntegrationTest.PASSWORD))
			.json()
			.get("id")
			.asString();
		// Tomorrow at noon (the clinic's zone is UTC here): the 48 h reminder is due at
		// once.
		Instant start = LocalDate.now(ZoneOffset.UTC).plusDays(1).atTime(12, 0).toInstant(ZoneOffset.UTC);
		List<String> emails = List.of("twin-a-" + UUID.randomUUID() + "@example.test",
				"twin-b-" + UUID.randomUUID() + "@example.test");
		List<Map<String, Object>> requests = new ArrayList<>();
		for (int i = 0; i < 2; i++) {
			String patient = apiA
				.post("/api/v1/patients",
						Map.of("givenName", "Twin", "familyName", "Bookwell" + (char) ('a' + i), "birthDate",
								"1979-05-0" + (i + 1), "email", emails.get(i)),
						prescriberA)
				.json()
				.get("id")
				.asString();
			Map<String, Object> request = new HashMap<>();
			request.put("patientId", patient);
			request.put("type", "PREPARATION");
			request.put("start", start.toString());
			request.put("durationMinutes", 60);
			request.put("roomId", room);
			requests.add(request);
		}
		CountDownLatch ready = new CountDownLatch(1);
		CompletableFuture<Response> onA = CompletableFuture.supplyAsync(() -> {
			await(ready);
			return apiA.post("/api/v1/appointments", requests.get(0), prescriberA);
		});
		CompletableFuture<Response> onB = CompletableFuture.supplyAsync(() -> {
			await(ready);
			return apiB.post("/api/v1/appointments", requests.get(1), prescriberB);
		});
		ready.countDown();
		List<Integer> statuses = Stream.of(onA.get(), onB.get()).map(Response::status).sorted().toList();
		assertThat(statuses).as("the same room at the same time, booked on A and B at once").containsExactly(201, 409);
		String winner = (onA.get().status() == 201) ? emails.get(0) : emails.get(1);
		String loser = winner.equals(emails.get(0)) ? emails.get(1) : emails.get(0);

		// Both instances look for due reminders every second; the reminder goes once.
		Instant deadline = Instant.now().plusSeconds(20);
		while (received(mail, winner) == 0 && Instant.now().isBefore(deadline)) {
			AppProcess.sleep(Duration.ofMillis(200));
		}
		AppProcess.sleep(Duration.ofSeconds(3));
		assertThat(received(mail, winner)).as("the 48 h reminder, once across both instances").isEqualTo(1);
		assertThat(received(mail, loser)).isZero();
	}

	private static void aVitalOnAReachesABoardOnB(AppProcess a, AppProcess b, JdbcClient owner) throws Exception {
		DosingSteps steps = DosingSteps.forDemoClinic(a.api(), owner);
		String session = steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 70);
		String nurse = a.api().token("nurse.bell", IntegrationTest.PASSWORD);
		BrowserSession boardOnB = BrowserSession.signIn(b.port(), "nurse.bell", IntegrationTest.PASSWORD);
		HttpResponse<Stream<String>> stream = boardOnB.lines("/dosing/board/events");
		assertThat(stream.statusCode()).isEqualTo(200);
		AtomicReference<Instant> listeningFrom = new AtomicReference<>();
		AtomicReference<Instant> pushed = new AtomicReference<>();
		Thread reader = new Thread(() -> {
			try {
				stream.body().forEach((line) -> {
					if (listeningFrom.get() != null && line.startsWith("event:changed") && pushed.get() == null) {
						pushed.set(Instant.now());
					}
				});
			}
			catch (java.io.UncheckedIOException ex) {
				// The test closed the stream.
			}
		});
		reader.setDaemon(true);
		reader.start();
		// Pushes for the check-in on A have passed by now.
		AppProcess.sleep(Duration.ofSeconds(1));
		Instant recorded = Instant.now();
		listeningFrom.set(recorded);
		assertThat(steps.vitals(session, 124, 80, 72, 98, 14, null, nurse).status()).isEqualTo(201);
		Instant deadline = Instant.now().plusSeconds(5);
		while (pushed.get() == null && Instant.now().isBefore(deadline)) {
			AppProcess.sleep(Duration.ofMillis(20));
		}
		assertThat(pushed.get()).as("B's board stream heard of A's vital").isNotNull();
		Duration latency = Duration.between(recorded, pushed.get());
		assertThat(latency).as("vital on A to B's board").isLessThan(Duration.ofSeconds(2));
		System.out.println("Two instances: a vital on A reached B's board stream in " + latency.toMillis() + " ms");
		stream.body().close();
	}

	private static void deactivationOnAEndsAccessOnB(AppProcess a, AppProcess b) {
		ApiClient apiA = a.api();
		ApiClient apiB = b.api();
		String username = "twin.nurse." + UUID.randomUUID().toString().substring(0, 8);
		String password = "twin nurse passphrase 2026";
		Response created = apiA.post("/api/v1/users", Map.of("username", username, "displayName",
				"Twin Nurse (synthetic)", "password", password, "roles", List.of("NURSE")),
				apiA.token("admin", IntegrationTest.PASSWORD));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		BrowserSession onB = BrowserSession.signIn(b.port(), username, password);
		assertThat(onB.get("/dosing/board").statusCode()).isEqualTo(200);
		String token = apiB.token(username, password);
		// Checked once on B, so B holds it in its token cache.
		assertThat(apiB.get("/api/v1/me", token).status()).isEqualTo(200);

		Instant deactivated = Instant.now();
		assertThat(apiA
			.post("/api/v1/users/" + created.json().get("id").asString() + "/deactivate", Map.of(),
					apiA.token("admin", IntegrationTest.PASSWORD))
			.status()).isEqualTo(200);
		Instant deadline = Instant.now().plusSeconds(2);
		while (apiB.get("/api/v1/me", token).status() == 200) {
			assertThat(Instant.now()).as("B refuses the token within 2 s, well inside its 10 s cache")
				.isBefore(deadline);
			AppProcess.sleep(Duration.ofMillis(20));
		}
		HttpResponse<String> page = onB.get("/dosing/board");
		assertThat(page.statusCode()).as("the browser session on B has ended").isEqualTo(302);
		assertThat(page.headers().firstValue("Location").orElse("")).contains("/login");
		System.out.println("Two instances: deactivated on A, refused on B after "
				+ Duration.between(deactivated, Instant.now()).toMillis() + " ms");
	}

	private static int received(GreenMail mail, String recipient) {
		return (int) Stream.of(mail.getReceivedMessages()).filter((message) -> {
			try {
				return Stream.of(message.getAllRecipients()).anyMatch((r) -> r.toString().contains(recipient));
			}
			catch (jakarta.mail.MessagingException ex) {
				return false;
			}
		}).count();
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
