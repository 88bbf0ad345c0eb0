package org.kapclinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole app on a real PostgreSQL, reached over HTTP.
 * By default an embedded PostgreSQL in a fresh directory under {@code target/}; with
 * {@code -Dkap.it.datasource.url=…} (CI) the PostgreSQL server at that URL
 * ({@link #serverDatabaseUrl()}). All subclasses share one application context, and the
 * synthetic demo clinic provides staff of every role (password {@code demo-clinic-2026}).
 * Outgoing mail goes to one in-process SMTP server ({@link #mail()}) shared by all tests:
 * tell your mails apart by recipient.
 */
// The test profile: on a PostgreSQL server the suite signs in as the superuser and sets
// role kap_app, which the production guards (operations/ProductionGuards) would refuse.
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "kap.demo.enabled=true", "kap.demo.patients=60", "kap.audit.seal-interval=100ms",
				"kap.embedded.durable=false", "kap.mail.poll-interval=200ms", "kap.measures.schedule.poll-interval=1h",
				"kap.clinic.crisis.clinic-phone=555-0100",
				"kap.ledger.discrepancy-contact=pharmacist-in-charge@kapclinic.invalid",
				// The tests stand in for a reverse proxy here (ApiClient.postFrom).
				"kap.security.trusted-proxies=127\\.0\\.0\\.1",
				// Demo staff sign in with a password; MfaIT sets up second factors
				// for its own users.
				"kap.security.mfa-required-roles=",
				// The suite signs in thousands of times: at BCrypt's production cost
				// (10, ~75 ms of CPU each) that was minutes of every run.
				"kap.security.password-hash-cost=4",
				// The whole suite signs in from this one machine; FreshInstallIT
				// tests the per-address throttle.
				"kap.security.max-failed-attempts-per-address=100000",
				// Plain HTTP, as the demo clinic (FreshInstallIT checks the __Host-
				// cookie).
				"server.servlet.session.cookie.name=SESSION", "server.servlet.session.cookie.secure=false",
				// Short: StepUpPagesIT sees a page ask again without waiting 5 min.
				"kap.security.step-up-validity=2s",
				// The console stays plain for a person reading a failure; the JSON log
				// file for LogPhiScan is set for the whole test JVM (pom.xml, failsafe).
				"logging.structured.format.console=" })
public abstract class IntegrationTest {

	public static final String PASSWORD = "demo-clinic-2026";

	/**
	 * This run's app logs and the patients they must not mention ({@code -Dkap.it.run},
	 * one per Maven build).
	 */
	static final String LOG_DIRECTORY = "target/it-logs/${kap.it.run:local}";

	/**
	 * The audit key on a PostgreSQL server (required there; 32 bytes, obviously not
	 * secret). The embedded database makes its own.
	 */
	public static final String TEST_AUDIT_KEY = "dGVzdC1vbmx5LWF1ZGl0LWtleS0zMi1ieXRlcy1sb25n";

	private static final Path DATA_DIR = Path.of("target", "it-data", UUID.randomUUID().toString());

	/**
	 * A fixed port (free when the JVM loads this class) rather than a dynamic one, so a
	 * test can stop the server to simulate an outage and start it again where the app
	 * expects it.
	 */
	private static final ServerSetup SMTP = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);

	private static final GreenMail MAIL = startMail();

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcClient jdbc;

	protected ApiClient api;

	/**
	 * The PostgreSQL server database of this test JVM, or null for the embedded one. The
	 * integration tests run in parallel JVMs ({@code kap.it.forks}); on a server each has
	 * its own database: {@code {fork}} in {@code kap.it.datasource.url} becomes the JVM's
	 * number (1, 2, …), as {@code .ci/run} sets it.
	 */
	public static String serverDatabaseUrl() {
		String url = System.getProperty("kap.it.datasource.url");
		if (url == null || url.isBlank()) {
			return null;
		}
		return url.replace("{fork}", System.getProperty("kap.it.fork", "1"));
	}

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		String url = serverDatabaseUrl();
		if (url != null) {
			registry.add("spring.datasource.url", () -> url);
			registry.add("kap.audit.key", () -> TEST_AUDIT_KEY);
			registry.add("spring.datasource.username",
					() -> System.getProperty("kap.it.datasource.username", "postgres"));
			asApplicationRole(registry);
		}
		else {
			registry.add("kap.data-dir", DATA_DIR::toString);
		}
		// This JVM's checkpoints, beside its own database (a server run has no data dir).
		registry.add("kap.audit.checkpoint-dir", () -> DATA_DIR.resolve("audit-checkpoints").toString());
		registry.add("spring.mail.host", SMTP::getBindAddress);
		registry.add("spring.mail.port", SMTP::getPort);
	}

	/**
	 * On a server the suite runs as production does (issue 16 finding 3): Flyway migrates
	 * as the owner, and the application's pool works as {@code kap_app}, which owns
	 * nothing and only appends to the audit trail. A test that plays the database owner
	 * says {@code set local role none} first.
	 */
	public static void asApplicationRole(DynamicPropertyRegistry registry) {
		registry.add("kap.datasource.migration-username",
				() -> System.getProperty("kap.it.datasource.username", "postgres"));
		registry.add("spring.datasource.hikari.connection-init-sql", () -> "set role kap_app");
	}

	/**
	 * Six random lowercase letters, for names that must be unique and still pass name
	 * rules (no digits).
	 */
	protected static String letters() {
		StringBuilder letters = new StringBuilder();
		java.util.concurrent.ThreadLocalRandom.current().ints(6, 'a', 'z' + 1).forEach((c) -> letters.append((char) c));
		return letters.toString();
	}

	/** The SMTP server that receives every mail the app sends during the tests. */
	protected static GreenMail mail() {
		return MAIL;
	}

	/**
	 * Waits (up to 10 s) for the first mail to this address and returns its subject and
	 * plain text.
	 */
	protected static ReceivedMail awaitMailTo(String address) {
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(10))
			.until(() -> mail().findReceivedMessages((user) -> address.equalsIgnoreCase(user.getEmail()), (m) -> true)
				.findAny()
				.isPresent());
		jakarta.mail.internet.MimeMessage message = mail()
			.findReceivedMessages((user) -> address.equalsIgnoreCase(user.getEmail()), (m) -> true)
			.findFirst()
			.orElseThrow();
		try {
			return new ReceivedMail(message.getSubject(), plainText(message.getContent()));
		}
		catch (jakarta.mail.MessagingException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String plainText(Object content) throws jakarta.mail.MessagingException, IOException {
		if (content instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String text = plainText(multipart.getBodyPart(i).getContent());
				if (text != null) {
					return text;
				}
			}
			return null;
		}
		return (content instanceof String text) ? text : null;
	}

	/** A received mail's subject and plain text. */
	protected record ReceivedMail(String subject, String text) {
	}

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(SMTP);
		mail.start();
		Runtime.getRuntime().addShutdownHook(new Thread(mail::stop, "greenmail-stop"));
		return mail;
	}

	public static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@BeforeEach
	void connectApi() {
		this.api = new ApiClient(this.port);
	}

	/**
	 * Every patient in the database after each test, for LogPhiScan: their names, birth
	 * dates and MRNs must not appear in the app's log.
	 */
	@AfterEach
	void listPatientsForTheLogScan(@Autowired org.springframework.core.env.Environment environment) throws IOException {
		Path directory = Path.of(environment.resolvePlaceholders(LOG_DIRECTORY));
		Files.createDirectories(directory);
		List<String> lines;
		try {
			lines = this.jdbc
				.sql("select mrn || chr(9) || given_name || ' ' || family_name || chr(9) || birth_date"
						+ " from patient.patient")
				.query(String.class)
				.list();
		}
		catch (org.springframework.dao.DataAccessException ex) {
			// The database is out of reach after a test of an outage: the next test
			// lists.
			return;
		}
		Files.write(directory.resolve("patients-fork-" + System.getProperty("kap.it.fork", "1") + ".tsv"), lines);
	}

	protected String tokenFor(String username) {
		return this.api.token(username, PASSWORD);
	}

	protected UUID userId(String username) {
		return UUID.fromString(this.api.get("/api/v1/me", tokenFor(username)).json().get("id").asString());
	}

	protected long auditCount(UUID patientId, String action) {
		return this.jdbc.sql("select count(*) from audit.entry where patient_id = ? and action = ?")
			.params(patientId, action)
			.query(Long.class)
			.single();
	}

}
