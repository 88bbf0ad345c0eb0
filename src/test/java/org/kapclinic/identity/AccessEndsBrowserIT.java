package org.kapclinic.identity;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Access ends when an administrator ends it (issue 16 finding 1), walked in a browser: a
 * nurse's open browser is signed out on the next page after her account is deactivated.
 * The API side of ending access is {@link AccessEndsIT}.
 */
class AccessEndsBrowserIT extends IntegrationTest {

	@Test
	void aDeactivatedNursesOpenBrowserIsSignedOutOnItsNextPage() throws Exception {
		String admin = tokenFor("admin");
		String username = "leaver." + AccessEndsIT.suffix();
		UUID id = AccessEndsIT.createUser(this.api, admin, username, List.of("NURSE"));
		try (Chromium nurse = Chromium.start(this.port, 1280, 900)) {
			nurse.signIn(username, AccessEndsIT.USER_PASSWORD);
			nurse.open("/patients");
			assertThat(nurse.find(By.id("nav")).getText()).contains("Patients");
			assertThat(AccessEndsIT.sessionsOf(this.jdbc, username)).as("the session is in the database").isEqualTo(1);

			assertThat(this.api.post("/api/v1/users/" + id + "/deactivate", Map.of(), admin).status()).isEqualTo(200);

			assertThat(AccessEndsIT.sessionsOf(this.jdbc, username)).isZero();
			nurse.open("/patients");
			nurse.find(By.id("username"));
			assertThat(nurse.driver().getCurrentUrl()).as("back at the sign-in page").contains("/login");
		}
	}

}
