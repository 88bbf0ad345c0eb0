package org.kapclinic.portal;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inviting and revoking over the API (issue 21): the invitation goes to the outbox with
 * nothing clinical in it; a bad or taken address is a field problem with nothing saved;
 * roles outside the care of patients may not invite; revoking needs a reason.
 */
class PortalInviteIT extends IntegrationTest {

	@Test
	void staffInviteAPatientWithAnAddressOnlyOneLiveAccountUsesAndRevokeWithAReason() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String patient = steps.fixtures().ready("KAP", 70).patientId();
		String other = steps.fixtures().ready("KAP", 70).patientId();
		String desk = tokenFor("desk.dale");
		String email = "invite-" + UUID.randomUUID().toString().substring(0, 8) + "@patients.invalid";

		Response bad = this.api.post("/api/v1/patients/" + patient + "/portal-invite",
				Map.of("email", "not-an-address"), desk);
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.body()).contains("email");
		assertThat(this.api
			.post("/api/v1/patients/" + patient + "/portal-invite", Map.of("email", email), tokenFor("billing.bright"))
			.status()).as("billing staff do not invite patients").isEqualTo(403);

		Response invited = this.api.post("/api/v1/patients/" + patient + "/portal-invite",
				Map.of("email", email.toUpperCase()), desk);
		assertThat(invited.status()).as(invited.body()).isEqualTo(201);
		assertThat(invited.json().get("email").asString()).isEqualTo(email);
		String text = this.jdbc.sql("select body_text from notification.outbox_message where recipient = ?")
			.param(email)
			.query(String.class)
			.single();
		assertThat(text).contains("/portal/invite/", "date of birth")
			.doesNotContain("KAP", "ketamine", "Dosing session");

		Response taken = this.api.post("/api/v1/patients/" + other + "/portal-invite", Map.of("email", email), desk);
		assertThat(taken.status()).as("one live account per address").isEqualTo(400);
		assertThat(taken.body()).contains("another patient");

		assertThat(this.api.post("/api/v1/patients/" + patient + "/portal-access/revoke", Map.of(), desk).status())
			.isEqualTo(400);
		Response revoked = this.api.post("/api/v1/patients/" + patient + "/portal-access/revoke",
				Map.of("reason", "Asked to close it (fictional)"), desk);
		assertThat(revoked.status()).as(revoked.body()).isEqualTo(200);
		assertThat(revoked.json().get("status").asString()).isEqualTo("REVOKED");
		assertThat(this.api.post("/api/v1/patients/" + other + "/portal-invite", Map.of("email", email), desk).status())
			.as("a revoked account's address is free again")
			.isEqualTo(201);
	}

}
