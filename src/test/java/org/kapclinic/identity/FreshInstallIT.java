package org.kapclinic.identity;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient;
import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.identity.mfa.Totp;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain jar on an empty database, as a clinic installs it: no demo data, and
 * {@code KAP_ADMIN_PASSWORD} creates the first administrator. Runs on a database of its
 * own.
 */
// The test profile, as IntegrationTest: on a server this suite signs in as the superuser,
// which the
// production guards would refuse.
@ActiveProfiles("test")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "kap.demo.enabled=false",
		"kap.admin-password=first-admin-passphrase", "kap.security.trusted-proxies=127\\.0\\.0\\.1" })
class FreshInstallIT {

	private static final Path DATA_DIR = Path.of("target", "it-data", "fresh-" + UUID.randomUUID());

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void freshDatabase(DynamicPropertyRegistry registry) throws SQLException {
		String server = IntegrationTest.serverDatabaseUrl();
		if (server == null) {
			registry.add("kap.data-dir", DATA_DIR::toString);
			return;
		}
		registry.add("kap.audit.key", () -> IntegrationTest.TEST_AUDIT_KEY);
		registry.add("kap.audit.checkpoint-dir", () -> DATA_DIR.resolve("audit-checkpoints").toString());
		String database = "kap_fresh_" + UUID.randomUUID().toString().replace("-", "");
		String user = System.getProperty("kap.it.datasource.username", "postgres");
		try (Connection connection = DriverManager.getConnection(server, user, null);
				Statement statement = connection.createStatement()) {
			statement.execute("create database " + database);
		}
		registry.add("spring.datasource.url", () -> server.substring(0, server.lastIndexOf('/') + 1) + database);
		registry.add("spring.datasource.username", () -> user);
		IntegrationTest.asApplicationRole(registry);
	}

	@Test
	void theEmbeddedDatabaseKeepsItsOwnAuditKeyOutsideTheDatabaseReadableByTheOwnerOnly() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(IntegrationTest.serverDatabaseUrl() == null,
				"a server run takes its key from kap.audit.key");
		Path key = DATA_DIR.resolve("audit.key");
		assertThat(java.nio.file.Files.readString(key).strip()).hasSizeGreaterThanOrEqualTo(44);
		assertThat(
				java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(key)))
			.isEqualTo("rw-------");
	}

	/**
	 * Issue 16 finding 6: one address that fails on many accounts is refused for every
	 * account (at the default of 20 failures), while other addresses sign in.
	 */
	@Test
	void oneAddressFailingOnManyAccountsIsThrottledForAll() {
		ApiClient api = new ApiClient(this.port);
		for (int i = 0; i < 20; i++) {
			assertThat(api
				.postFrom("10.77.0.1", "/api/v1/auth/token", Map.of("username", "sprayed.user" + i, "password", "x"))
				.status()).isEqualTo(401);
		}
		Response throttled = api.postFrom("10.77.0.1", "/api/v1/auth/token",
				Map.of("username", "admin", "password", "first-admin-passphrase"));
		assertThat(throttled.status()).isEqualTo(401);
		assertThat(throttled.body()).as("the password step itself was refused").doesNotContain("mfaRequired");
		Response elsewhere = api.postFrom("10.77.0.2", "/api/v1/auth/token",
				Map.of("username", "admin", "password", "first-admin-passphrase"));
		assertThat(elsewhere.status() == 200 || elsewhere.body().contains("mfaRequired"))
			.as("another address gets past the password: " + elsewhere.body())
			.isTrue();
	}

	/**
	 * Issue 21: the portal's sign-ins count with the staff's per address, so one machine
	 * guessing patients' accounts at the portal's door is throttled at the staff's too.
	 */
	@Test
	void failuresAtThePortalsDoorThrottleTheAddressAtTheStaffsToo() {
		for (int i = 0; i < 20; i++) {
			java.net.http.HttpResponse<String> refused = org.kapclinic.BrowserSession.anonymous(this.port)
				.post("/portal/login", "/portal/login",
						Map.of("email", "sprayed" + i + "@patients.invalid", "password", "guess", "code", "123456"),
						Map.of("X-Forwarded-For", "10.77.0.3"));
			assertThat(refused.headers().firstValue("Location").orElse("")).contains("/portal/login?error");
		}
		ApiClient api = new ApiClient(this.port);
		Response throttled = api.postFrom("10.77.0.3", "/api/v1/auth/token",
				Map.of("username", "admin", "password", "first-admin-passphrase"));
		assertThat(throttled.status()).isEqualTo(401);
		assertThat(throttled.body()).doesNotContain("mfaRequired");
		Response elsewhere = api.postFrom("10.77.0.4", "/api/v1/auth/token",
				Map.of("username", "admin", "password", "first-admin-passphrase"));
		assertThat(elsewhere.status() == 200 || elsewhere.body().contains("mfaRequired")).as(elsewhere.body()).isTrue();
	}

	/**
	 * Issue 16 finding 6: the session cookie is a __Host- cookie outside the demo clinic.
	 */
	@Test
	void theSessionCookieIsAHostCookieSentOnlyOverHttps() throws Exception {
		java.net.http.HttpResponse<Void> login = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/login"))
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(login.headers().allValues("Set-Cookie"))
			.anySatisfy((cookie) -> assertThat(cookie).startsWith("__Host-SESSION=")
				.contains("; Path=/", "; Secure", "; HttpOnly", "SameSite=Lax")
				.doesNotContain("Domain="));
	}

	@org.springframework.beans.factory.annotation.Autowired
	org.springframework.beans.factory.ObjectProvider<io.zonky.test.db.postgres.embedded.EmbeddedPostgres> postgres;

	/**
	 * Issue 16 finding 3: the embedded PostgreSQL asks every connection for a password
	 * (scram-sha-256), generated on first start and kept beside the database, readable by
	 * the owner only.
	 */
	@Test
	void theEmbeddedDatabaseAsksForThePasswordKeptBesideIt() throws Exception {
		org.junit.jupiter.api.Assumptions.assumeTrue(IntegrationTest.serverDatabaseUrl() == null,
				"a server has its own authentication");
		Path file = DATA_DIR.resolve("postgres.password");
		assertThat(java.nio.file.attribute.PosixFilePermissions
			.toString(java.nio.file.Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		String url = this.postgres.getObject().getJdbcUrl("postgres", "postgres");

		org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "guess"))
			.isInstanceOf(SQLException.class)
			.hasMessageContaining("password authentication failed");
		try (Connection connection = DriverManager.getConnection(url, "postgres",
				java.nio.file.Files.readString(file).strip())) {
			assertThat(connection.isValid(2)).isTrue();
		}
	}

	@Test
	void outsideTheDemoClinicTheApiDocumentationIsForSignedInStaff() throws Exception {
		java.net.http.HttpResponse<Void> docs = java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest
				.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/v3/api-docs"))
				.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(docs.statusCode()).isEqualTo(302);
		assertThat(docs.headers().firstValue("Location")).hasValueSatisfying((to) -> assertThat(to).endsWith("/login"));
	}

	/**
	 * Out of the box every staff role signs in with a second factor
	 * ({@code kap.security.mfa-required-roles}): the first administrator's first token
	 * reaches only the set-up, and after it a token needs a code.
	 */
	@Test
	void startsEmptyWithTheAdministratorFromTheEnvironmentWhoSetsUpASecondFactorFirst() {
		ApiClient api = new ApiClient(this.port);
		Response first = api.post("/api/v1/auth/token",
				Map.of("username", "admin", "password", "first-admin-passphrase"), null);
		assertThat(first.json().get("mfaEnrollmentRequired").asBoolean()).isTrue();
		String limited = first.json().get("access_token").asString();
		Response refused = api.get("/api/v1/patients", limited);
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.json().get("mfaEnrollmentRequired").asBoolean()).isTrue();
		assertThat(api.get("/api/v1/me", limited).status()).isEqualTo(200);

		String secret = api.post("/api/v1/me/mfa/totp", Map.of(), limited).json().get("secret").asString();
		Response confirmed = api.post("/api/v1/me/mfa/totp/confirm",
				Map.of("code", Totp.codeNow(secret, Instant.now())), limited);
		assertThat(confirmed.json().get("recoveryCodes")).hasSize(10);
		assertThat(api.get("/api/v1/patients", limited).status()).as("the limited token stays limited").isEqualTo(403);
		Response withoutCode = api.post("/api/v1/auth/token",
				Map.of("username", "admin", "password", "first-admin-passphrase"), null);
		assertThat(withoutCode.status()).isEqualTo(401);
		assertThat(withoutCode.json().get("mfaRequired").asBoolean()).isTrue();
		String token = api
			.post("/api/v1/auth/token",
					Map.of("username", "admin", "password", "first-admin-passphrase", "otp",
							confirmed.json().get("recoveryCodes").get(0).asString()),
					null)
			.json()
			.get("access_token")
			.asString();

		Response patients = api.get("/api/v1/patients", token);
		assertThat(patients.status()).isEqualTo(200);
		assertThat(patients.json().get("items")).isEmpty();
		Response users = api.get("/api/v1/users", token);
		assertThat(users.json()).hasSize(1);
		assertThat(users.json().get(0).get("roles").get(0).asString()).isEqualTo("ADMIN");
		assertThat(api.post("/api/v1/auth/token", Map.of("username", "dr.quill", "password", "demo-clinic-2026"), null)
			.status()).as("no demo staff").isEqualTo(401);
	}

}
