package org.kapclinic.identity;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.kapclinic.ApiClient;
import org.kapclinic.ApiClient.Response;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access ends when an administrator ends it, not at the next idle timeout (issue 16
 * finding 1): browser sessions live in the database and are deleted with the account's
 * deactivation, role change or password reset; the calendar-feed address dies with
 * deactivation and any password change, and expires on its own. The open browser signed
 * out on its next page is walked in {@link AccessEndsBrowserIT}.
 */
class AccessEndsIT extends IntegrationTest {

	static final String USER_PASSWORD = "correct-horse-battery";

	@Test
	void aRoleChangeEndsTheSessionsThatCarryTheOldRoles() {
		String admin = tokenFor("admin");
		String username = "mover." + suffix();
		UUID id = createUser(this.api, admin, username, List.of("NURSE", "THERAPIST"));
		BrowserSession browser = BrowserSession.signIn(this.port, username, USER_PASSWORD);
		assertThat(browser.get("/patients").statusCode()).isEqualTo(200);
		long version = this.api.get("/api/v1/users/" + id, admin).json().get("version").asLong();

		Response changed = this.api.put("/api/v1/users/" + id,
				Map.of("displayName", "Test " + username, "roles", List.of("THERAPIST"), "version", version), admin);
		assertThat(changed.status()).isEqualTo(200);

		assertThat(signedOut(browser.get("/patients"))).isTrue();
		assertThat(BrowserSession.signIn(this.port, username, USER_PASSWORD).get("/patients").statusCode())
			.as("signing in again gives the new roles")
			.isEqualTo(200);
	}

	@Test
	void aDisplayNameChangeLeavesSessionsAlone() {
		String admin = tokenFor("admin");
		String username = "renamed." + suffix();
		UUID id = createUser(this.api, admin, username, List.of("NURSE"));
		BrowserSession browser = BrowserSession.signIn(this.port, username, USER_PASSWORD);
		long version = this.api.get("/api/v1/users/" + id, admin).json().get("version").asLong();

		this.api.put("/api/v1/users/" + id,
				Map.of("displayName", "Renamed " + username, "roles", List.of("NURSE"), "version", version), admin);

		assertThat(browser.get("/patients").statusCode()).isEqualTo(200);
	}

	@Test
	void aPasswordResetEndsSessionsTokensAndTheCalendarFeed() throws Exception {
		String admin = tokenFor("admin");
		String username = "reset." + suffix();
		UUID id = createUser(this.api, admin, username, List.of("NURSE"));
		BrowserSession browser = BrowserSession.signIn(this.port, username, USER_PASSWORD);
		String token = this.api.token(username, USER_PASSWORD);
		String feed = feedPath(token);
		assertThat(fetch(feed)).isEqualTo(200);

		assertThat(
				this.api.post("/api/v1/users/" + id + "/password", Map.of("password", "another-long-passphrase"), admin)
					.status())
			.isEqualTo(204);

		assertThat(signedOut(browser.get("/patients"))).isTrue();
		assertThat(this.api.get("/api/v1/ping", token).status()).isEqualTo(401);
		assertThat(fetch(feed)).as("the feed address dies with the password").isEqualTo(404);
	}

	@Test
	void changingYourOwnPasswordKeepsThisSessionAndEndsTheOthers() {
		String admin = tokenFor("admin");
		String username = "careful." + suffix();
		createUser(this.api, admin, username, List.of("THERAPIST"));
		BrowserSession here = BrowserSession.signIn(this.port, username, USER_PASSWORD);
		BrowserSession elsewhere = BrowserSession.signIn(this.port, username, USER_PASSWORD);

		HttpResponse<String> changed = here.post("/account/password", "/account/password",
				Map.of("currentPassword", USER_PASSWORD, "newPassword", "a-new-long-passphrase"));
		assertThat(changed.statusCode()).isEqualTo(302);

		assertThat(here.get("/patients").statusCode()).as("still signed in where it was changed").isEqualTo(200);
		assertThat(signedOut(elsewhere.get("/patients"))).as("the other browser is signed out").isTrue();
	}

	@Test
	void aCalendarFeedStopsAfterItsValidityAndEachFetchIsAuditedWithItsPatients() throws Exception {
		String token = tokenFor("nurse.bell");
		String feed = feedPath(token);
		UUID nurse = userId("nurse.bell");
		long before = feedRows(nurse);
		assertThat(fetch(feed)).isEqualTo(200);
		long patientsInFeed = this.jdbc.sql("""
				select count(distinct a.patient_id) from scheduling.appointment a
				join scheduling.appointment_staff s on s.appointment_id = a.id
				where s.user_id = ? and a.status = 'BOOKED'
				  and a.start_at between now() - interval '30 days' and now() + interval '180 days'
				""").param(nurse).query(Long.class).single();
		assertThat(feedRows(nurse) - before).as("one audit row per fetch").isEqualTo(1);
		assertThat(this.jdbc
			.sql("""
					select coalesce(cardinality(patient_ids), 0) from audit.entry
					where resource_type = 'CalendarFeed' and action = 'EXPORT' and resource_id = ? order by id desc limit 1""")
			.param(nurse.toString())
			.query(Long.class)
			.single()).as("naming every patient in the feed").isEqualTo(patientsInFeed);

		this.jdbc.sql("update scheduling.calendar_feed set created_at = ? where user_id = ?")
			.params(java.sql.Timestamp.from(Instant.now().minus(91, ChronoUnit.DAYS)), nurse)
			.update();
		assertThat(fetch(feed)).as("kap.scheduling.feed-validity, 90 days by default").isEqualTo(404);
	}

	@Test
	void someoneTakenOffACareTeamNoLongerSeesThatPatientsTasks() {
		String admin = tokenFor("admin");
		String prescriber = tokenFor("dr.quill");
		String username = "rotated." + suffix();
		UUID therapist = createUser(this.api, admin, username, List.of("THERAPIST"));
		String patient = this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Tasked", "familyName", "Rotawick" + suffix(), "birthDate", "1979-05-05"),
					prescriber)
			.json()
			.get("id")
			.asString();
		assertThat(this.api
			.put("/api/v1/patients/" + patient + "/care-team", Map.of("members", List.of(therapist)), prescriber)
			.status()).isEqualTo(200);
		assertThat(this.api
			.post("/api/v1/patients/" + patient + "/measurements",
					Map.of("instrument", "PHQ-9", "answers", List.of(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)), prescriber)
			.status()).isEqualTo(201);
		String token = this.api.token(username, USER_PASSWORD);
		assertThat(this.api.get("/api/v1/tasks", token).body()).as("the suicide-risk review is theirs")
			.contains(patient);

		this.api.put("/api/v1/patients/" + patient + "/care-team", Map.of("members", List.of(userId("therapist.cove"))),
				prescriber);

		assertThat(this.api.get("/api/v1/tasks", token).body()).doesNotContain(patient);
		assertThat(this.api.get("/api/v1/tasks", tokenFor("therapist.cove")).body())
			.as("the review went to the team that has the patient now")
			.contains(patient);
		assertThat(this.jdbc.sql("""
				select count(*) from tasks.task_assignee a join tasks.care_task t on t.id = a.task_id
				where t.patient_id = ?::uuid and a.user_id = ?""")
			.params(patient, therapist)
			.query(Long.class)
			.single()).as("nothing of that patient's is left in their name").isZero();
	}

	private long feedRows(UUID user) {
		return this.jdbc.sql("""
				select count(*) from audit.entry
				where resource_type = 'CalendarFeed' and action = 'EXPORT' and resource_id = ?
				""").param(user.toString()).query(Long.class).single();
	}

	private String feedPath(String token) {
		Response renewed = this.api.post("/api/v1/me/calendar-feed", Map.of(), token);
		assertThat(renewed.status()).isEqualTo(200);
		return URI.create(renewed.json().get("url").asString()).getPath();
	}

	private int fetch(String path) throws Exception {
		return java.net.http.HttpClient.newHttpClient()
			.send(java.net.http.HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build(),
					HttpResponse.BodyHandlers.discarding())
			.statusCode();
	}

	private static boolean signedOut(HttpResponse<String> page) {
		return page.statusCode() == 302 && page.headers().firstValue("Location").orElse("").contains("/login");
	}

	static long sessionsOf(JdbcClient jdbc, String username) {
		return jdbc.sql("select count(*) from identity.session where principal_name = ?")
			.param(username)
			.query(Long.class)
			.single();
	}

	static UUID createUser(ApiClient api, String admin, String username, List<String> roles) {
		Response created = api.post("/api/v1/users", Map.of("username", username, "password", USER_PASSWORD,
				"displayName", "Test " + username, "roles", roles), admin);
		assertThat(created.status()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}
