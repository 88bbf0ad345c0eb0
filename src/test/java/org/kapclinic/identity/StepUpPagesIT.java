package org.kapclinic.identity;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.kapclinic.identity.mfa.Totp;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page operation asks for a fresh second factor (issue 16 step-up) and comes back: an
 * administrator with an authenticator app, whose code is older than
 * {@code kap.security.step-up-validity} (2 s in the tests, 5 min by default), tries to
 * unlock an account, is sent to the code page, enters a recovery code, is back on the
 * users page, and the unlock then goes through.
 */
class StepUpPagesIT extends IntegrationTest {

	private static final String PASSWORD = "tidal meadow compass 31";

	private static final Pattern SECRET = Pattern.compile("id=\"totp-secret\"[^>]*>([A-Z2-7]+)<");

	private static final Pattern CODE = Pattern.compile("<li>([a-z2-7]{4}(?:-[a-z2-7]{4}){3})</li>");

	@Test
	void anOldSecondFactorIsAskedForAgainAndTheAdministratorComesBack() throws Exception {
		String admin = tokenFor("admin");
		String username = "stepup." + UUID.randomUUID().toString().substring(0, 8);
		assertThat(this.api
			.post("/api/v1/users", Map.of("username", username, "password", PASSWORD, "displayName", "Step Up Admin",
					"roles", List.of("ADMIN")), admin)
			.status()).isEqualTo(201);
		String target = this.api
			.post("/api/v1/users", Map.of("username", "unlockme." + UUID.randomUUID().toString().substring(0, 8),
					"password", PASSWORD, "displayName", "Unlock Me", "roles", List.of("NURSE")), admin)
			.json()
			.get("id")
			.asString();

		BrowserSession browser = BrowserSession.signIn(this.port, username, PASSWORD);
		HttpResponse<String> setUp = browser.post("/account/two-factor", "/account/two-factor", Map.of());
		Matcher secret = SECRET.matcher(setUp.body());
		assertThat(secret.find()).as(setUp.body()).isTrue();
		HttpResponse<String> confirmed = browser.post("/account/two-factor", "/login/second-factor/setup",
				Map.of("code", Totp.codeNow(secret.group(1), Instant.now()), "continue", "/account/two-factor"));
		Matcher code = CODE.matcher(confirmed.body());
		assertThat(code.find()).as(confirmed.body()).isTrue();
		String recovery = code.group(1);

		Thread.sleep(2_100);
		String unlock = "/admin/users/" + target + "/unlock";
		HttpResponse<String> asked = browser.post("/admin/users", unlock, Map.of());
		assertThat(asked.statusCode()).isEqualTo(302);
		assertThat(asked.headers().firstValue("Location").orElseThrow())
			.endsWith("/login/second-factor?continue=%2Fadmin%2Fusers");
		assertThat(browser.get("/login/second-factor?continue=%2Fadmin%2Fusers").body()).contains("Confirm it is you");

		HttpResponse<String> back = browser.post("/login/second-factor?continue=%2Fadmin%2Fusers",
				"/login/second-factor", Map.of("code", recovery, "continue", "/admin/users"));
		assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users");
		HttpResponse<String> done = browser.post("/admin/users", unlock, Map.of());
		assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/admin/users");
		assertThat(browser.get("/admin/users").body()).contains("Lockout lifted.");
	}

}
