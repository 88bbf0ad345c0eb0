package org.kapclinic.identity;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class TokenFlowIT extends IntegrationTest {

	@Test
	void issuesABearerTokenThatOpensTheApi() {
		Response response = this.api.post("/api/v1/auth/token", Map.of("username", "dr.quill", "password", PASSWORD),
				null);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("token_type").asString()).isEqualTo("Bearer");
		assertThat(response.json().get("expires_in").asLong()).isEqualTo(3600);
		String token = response.json().get("access_token").asString();
		assertThat(token).hasSizeGreaterThanOrEqualTo(40);
		assertThat(this.api.get("/api/v1/me", token).json().get("username").asString()).isEqualTo("dr.quill");
	}

	@Test
	void storesOnlyTheHashOfATokenAndItsHashMatches() {
		String token = tokenFor("dr.quill");

		long clear = this.jdbc.sql("select count(*) from identity.api_token where token_hash = ?")
			.param(token)
			.query(Long.class)
			.single();
		long hashed = this.jdbc.sql("select count(*) from identity.api_token where token_hash = ?")
			.param(ApiTokens.hash(token))
			.query(Long.class)
			.single();
		assertThat(clear).isZero();
		assertThat(hashed).isEqualTo(1);
	}

	@Test
	void wrongPasswordIsA401ProblemLikeAnUnknownUser() {
		Response wrongPassword = this.api.post("/api/v1/auth/token",
				Map.of("username", "therapist.wren", "password", "not-the-password"), null);
		Response unknownUser = this.api.post("/api/v1/auth/token",
				Map.of("username", "nobody.here", "password", "not-the-password"), null);

		assertThat(wrongPassword.status()).isEqualTo(401);
		assertThat(wrongPassword.contentType()).startsWith("application/problem+json");
		assertThat(unknownUser.status()).isEqualTo(401);
		assertThat(unknownUser.json().get("detail")).isEqualTo(wrongPassword.json().get("detail"));
	}

	@Test
	void apiRefusesMissingUnknownAndRevokedTokens() {
		assertThat(this.api.get("/api/v1/patients", null).status()).isEqualTo(401);
		Response bogus = this.api.get("/api/v1/patients", "made-up-token");
		assertThat(bogus.status()).isEqualTo(401);
		assertThat(bogus.contentType()).startsWith("application/problem+json");

		String token = tokenFor("dr.quill");
		assertThat(this.api.get("/api/v1/patients", token).status()).isEqualTo(200);
		assertThat(this.api.post("/api/v1/auth/revoke", Map.of(), token).status()).isEqualTo(204);
		assertThat(this.api.get("/api/v1/patients", token).status()).isEqualTo(401);
	}

	@Test
	void expiredTokensAreRefused() {
		String token = tokenFor("dr.quill");
		this.jdbc.sql("update identity.api_token set expires_at = now() - interval '1 second' where token_hash = ?")
			.param(ApiTokens.hash(token))
			.update();

		assertThat(this.api.get("/api/v1/ping", token).status()).isEqualTo(401);
	}

	@Test
	void invalidTokenRequestIsA400WithFieldErrors() {
		Response response = this.api.post("/api/v1/auth/token", Map.of("username", ""), null);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"username\"").contains("\"field\":\"password\"");
	}

}
