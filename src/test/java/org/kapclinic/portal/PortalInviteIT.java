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
		assertThat(taken.body()).contains("another portal account");

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

	@Test
	void aGuardiansProxyIsOnlyForAMinorsGuardianOnFileAndEndsAloneOrWithTheRest() {
		DosingSteps steps = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId);
		String adult = steps.fixtures().ready("KAP", 70).patientId();
		String desk = tokenFor("desk.dale");
		String tag = UUID.randomUUID().toString().substring(0, 8);
		Response forAdult = this.api.post("/api/v1/patients/" + adult + "/portal-invite",
				Map.of("email", "someone-" + tag + "@patients.invalid", "holder", "GUARDIAN"), desk);
		assertThat(forAdult.status()).isEqualTo(400);
		assertThat(forAdult.body()).contains("holder", "this patient is an adult");

		String guardian = "mum-" + tag + "@patients.invalid";
		Response created = this.api.post("/api/v1/patients",
				Map.of("givenName", "Minnie", "familyName", "Proxyapi" + tag, "birthDate",
						java.time.LocalDate.now().minusYears(15).toString(), "sexAtBirth", "FEMALE", "guardians",
						java.util.List
							.of(Map.of("name", "Mara Proxyapi", "relationship", "mother", "email", guardian))),
				tokenFor("dr.quill"));
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String minor = created.json().get("id").asString();
		Response stranger = this.api.post("/api/v1/patients/" + minor + "/portal-invite",
				Map.of("email", "stranger-" + tag + "@patients.invalid", "holder", "GUARDIAN"), desk);
		assertThat(stranger.status()).as("only a guardian on file").isEqualTo(400);
		assertThat(stranger.body()).contains("guardian on file");
		Response proxy = this.api.post("/api/v1/patients/" + minor + "/portal-invite", Map.of("holder", "GUARDIAN"),
				desk);
		assertThat(proxy.status()).as(proxy.body()).isEqualTo(201);
		assertThat(proxy.json().get("email").asString()).as("the one guardian with an address").isEqualTo(guardian);
		Response own = this.api.post("/api/v1/patients/" + minor + "/portal-invite",
				Map.of("email", "minnie-" + tag + "@patients.invalid"), desk);
		assertThat(own.status()).as(own.body()).isEqualTo(201);

		Response one = this.api.post("/api/v1/patients/" + minor + "/portal-access/revoke", Map.of("reason",
				"Guardian asked to close it (fictional)", "accountId", proxy.json().get("accountId").asString()), desk);
		assertThat(one.status()).as(one.body()).isEqualTo(200);
		assertThat(one.json().get("holder").asString()).isEqualTo("GUARDIAN");
		assertThat(this.jdbc
			.sql("select holder || ':' || status from portal.account where patient_id = ?::uuid " + "order by holder")
			.param(minor)
			.query(String.class)
			.list()).as("the minor's own account stays").containsExactly("GUARDIAN:REVOKED", "PATIENT:INVITED");
		assertThat(this.api
			.post("/api/v1/patients/" + minor + "/portal-access/revoke",
					Map.of("reason", "Left the clinic (fictional)"), desk)
			.status()).isEqualTo(200);
		assertThat(
				this.jdbc.sql("select count(*) from portal.account where patient_id = ?::uuid and status <> 'REVOKED'")
					.param(minor)
					.query(Integer.class)
					.single())
			.as("without an account, every account of the patient ends")
			.isZero();
	}

}
