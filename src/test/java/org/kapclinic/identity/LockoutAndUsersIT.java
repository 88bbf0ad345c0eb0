package org.kapclinic.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class LockoutAndUsersIT extends IntegrationTest {

	private static final String NEW_PASSWORD = "correct-horse-battery";

	@Test
	void fiveFailuresLockTheAccountUntilAnAdminUnlocksIt() {
		String admin = tokenFor("admin");
		String username = "locktest." + UUID.randomUUID().toString().substring(0, 8);
		UUID id = createUser(admin, username, List.of("NURSE"));

		for (int i = 0; i < 5; i++) {
			assertThat(signIn(username, "wrong-password-" + i).status()).isEqualTo(401);
		}
		assertThat(signIn(username, NEW_PASSWORD).status()).as("locked even with the right password").isEqualTo(401);
		assertThat(this.api.get("/api/v1/users/" + id, admin).json().get("locked").asBoolean()).isTrue();
		assertThat(this.jdbc.sql("select count(*) from audit.entry where actor_name = ? and action = 'ACCOUNT_LOCKED'")
			.param(username)
			.query(Long.class)
			.single()).isEqualTo(1);

		assertThat(this.api.post("/api/v1/users/" + id + "/unlock", Map.of(), admin).status()).isEqualTo(204);
		assertThat(signIn(username, NEW_PASSWORD).status()).isEqualTo(200);
	}

	/**
	 * Issue 16 finding 6: a stranger who guesses an account's password locks it for their
	 * own address only; the clinic's desks still sign in.
	 */
	@Test
	void failuresFromOneAddressLockTheAccountThereAndNotElsewhere() {
		String admin = tokenFor("admin");
		String username = "addrlock." + UUID.randomUUID().toString().substring(0, 8);
		UUID id = createUser(admin, username, List.of("NURSE"));

		for (int i = 0; i < 5; i++) {
			assertThat(this.api
				.postFrom("10.66.0.1", "/api/v1/auth/token", Map.of("username", username, "password", "guess-" + i))
				.status()).isEqualTo(401);
		}
		assertThat(this.api
			.postFrom("10.66.0.1", "/api/v1/auth/token", Map.of("username", username, "password", NEW_PASSWORD))
			.status()).as("locked for the stranger's address").isEqualTo(401);
		assertThat(this.api
			.postFrom("10.66.0.2", "/api/v1/auth/token", Map.of("username", username, "password", NEW_PASSWORD))
			.status()).as("not for the clinic's desk").isEqualTo(200);
		assertThat(this.api.get("/api/v1/users/" + id, admin).json().get("locked").asBoolean())
			.as("the users page shows the lock")
			.isFalse();
	}

	@Test
	void aSuccessResetsTheFailureCount() {
		String admin = tokenFor("admin");
		String username = "resettest." + UUID.randomUUID().toString().substring(0, 8);
		createUser(admin, username, List.of("THERAPIST"));

		for (int i = 0; i < 4; i++) {
			signIn(username, "wrong-password");
		}
		assertThat(signIn(username, NEW_PASSWORD).status()).isEqualTo(200);
		for (int i = 0; i < 4; i++) {
			signIn(username, "wrong-password");
		}
		assertThat(signIn(username, NEW_PASSWORD).status()).isEqualTo(200);
	}

	@Test
	void deactivatedUsersCannotSignInAndTheirTokensStop() {
		String admin = tokenFor("admin");
		String username = "leaver." + UUID.randomUUID().toString().substring(0, 8);
		UUID id = createUser(admin, username, List.of("NURSE"));
		String token = this.api.token(username, NEW_PASSWORD);
		assertThat(this.api.get("/api/v1/ping", token).status()).as("checked, and so remembered").isEqualTo(200);

		assertThat(this.api.post("/api/v1/users/" + id + "/deactivate", Map.of(), admin).status()).isEqualTo(200);

		assertThat(this.api.get("/api/v1/ping", token).status()).isEqualTo(401);
		assertThat(signIn(username, NEW_PASSWORD).status()).isEqualTo(401);
		assertThat(this.api.get("/api/v1/users", admin).body()).contains(username);
	}

	@Test
	void wrongCurrentPasswordsCountLikeWrongSignInsAndAGuessablePasswordIsRefused() {
		String admin = tokenFor("admin");
		String username = "guesser." + UUID.randomUUID().toString().substring(0, 8);
		createUser(admin, username, List.of("NURSE"));
		String token = this.api.token(username, NEW_PASSWORD);

		Response guessable = this.api.post("/api/v1/me/password",
				Map.of("currentPassword", NEW_PASSWORD, "newPassword", "Password1234"), token);
		assertThat(guessable.status()).isEqualTo(400);
		assertThat(guessable.body()).contains("too easy to guess");
		assertThat(
				this.api.post("/api/v1/users",
						Map.of("username", "weak." + username, "password", "Password1234", "displayName", "Weak",
								"roles", List.of("NURSE")),
						admin)
					.status())
			.as("administrators cannot set one either")
			.isEqualTo(400);

		for (int i = 0; i < 5; i++) {
			assertThat(
					this.api
						.post("/api/v1/me/password",
								Map.of("currentPassword", "not-my-password-" + i, "newPassword",
										"lantern quarry mosaic"),
								token)
						.status())
				.isEqualTo(400);
		}
		assertThat(this.api
			.post("/api/v1/me/password",
					Map.of("currentPassword", NEW_PASSWORD, "newPassword", "lantern quarry mosaic"), token)
			.status()).as("the sixth try waits, even with the right password").isEqualTo(429);
	}

	@Test
	void onlyAdminsManageUsers() {
		Response response = this.api.post("/api/v1/users", Map.of("username", "sneaky.user", "password", NEW_PASSWORD,
				"displayName", "Sneaky", "roles", List.of("ADMIN")), tokenFor("dr.quill"));

		assertThat(response.status()).isEqualTo(403);
		assertThat(this.api.get("/api/v1/users", tokenFor("desk.dale")).status()).isEqualTo(403);
		assertThat(this.jdbc.sql("select count(*) from identity.app_user where username = 'sneaky.user'")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void passwordPolicyAndDuplicateNamesAreFieldErrors() {
		String admin = tokenFor("admin");
		Response shortPassword = this.api.post("/api/v1/users", Map.of("username", "shorty.pw", "password", "short",
				"displayName", "Shorty", "roles", List.of("NURSE")), admin);
		Response duplicate = this.api.post("/api/v1/users", Map.of("username", "NURSE.BELL", "password", NEW_PASSWORD,
				"displayName", "Copy", "roles", List.of("NURSE")), admin);

		assertThat(shortPassword.status()).isEqualTo(400);
		assertThat(shortPassword.body()).contains("\"field\":\"password\"");
		assertThat(duplicate.status()).isEqualTo(400);
		assertThat(duplicate.body()).contains("\"field\":\"username\"").contains("already taken");
	}

	@Test
	void roleChangesAreAuditedAsPrivilegeChanges() {
		String admin = tokenFor("admin");
		UUID id = createUser(admin, "promote." + UUID.randomUUID().toString().substring(0, 8), List.of("NURSE"));
		long version = this.api.get("/api/v1/users/" + id, admin).json().get("version").asLong();

		Response updated = this.api.put("/api/v1/users/" + id,
				Map.of("displayName", "Promoted", "roles", List.of("NURSE", "PRESCRIBER"), "version", version), admin);
		Response stale = this.api.put("/api/v1/users/" + id,
				Map.of("displayName", "Stale", "roles", List.of("NURSE"), "version", version), admin);

		assertThat(updated.status()).isEqualTo(200);
		assertThat(stale.status()).isEqualTo(409);
		assertThat(this.jdbc
			.sql("select detail from audit.entry where resource_id = ? and action = 'PRIVILEGE_CHANGE' order by id")
			.param(id.toString())
			.query(String.class)
			.list()).hasSize(2).last().asString().contains("PRESCRIBER");
	}

	@Test
	void staffChangeTheirOwnPasswordWithTheCurrentOne() {
		String admin = tokenFor("admin");
		String username = "selfserve." + UUID.randomUUID().toString().substring(0, 8);
		createUser(admin, username, List.of("THERAPIST"));
		String token = this.api.token(username, NEW_PASSWORD);

		Response wrongCurrent = this.api.post("/api/v1/me/password",
				Map.of("currentPassword", "not-my-password", "newPassword", "another-long-passphrase"), token);
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.body()).contains("\"field\":\"currentPassword\"");
		assertThat(this.api
			.post("/api/v1/me/password", Map.of("currentPassword", NEW_PASSWORD, "newPassword", "short"), token)
			.body()).contains("\"field\":\"newPassword\"");

		assertThat(this.api
			.post("/api/v1/me/password",
					Map.of("currentPassword", NEW_PASSWORD, "newPassword", "another-long-passphrase"), token)
			.status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/ping", token).status()).as("tokens end with the old password").isEqualTo(401);
		assertThat(signIn(username, NEW_PASSWORD).status()).isEqualTo(401);
		assertThat(signIn(username, "another-long-passphrase").status()).isEqualTo(200);
	}

	private UUID createUser(String admin, String username, List<String> roles) {
		Response created = this.api.post("/api/v1/users", Map.of("username", username, "password", NEW_PASSWORD,
				"displayName", "Test " + username, "roles", roles), admin);
		assertThat(created.status()).isEqualTo(201);
		return UUID.fromString(created.json().get("id").asString());
	}

	private Response signIn(String username, String password) {
		return this.api.post("/api/v1/auth/token", Map.of("username", username, "password", password), null);
	}

}
