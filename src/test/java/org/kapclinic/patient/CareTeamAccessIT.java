package org.kapclinic.patient;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The visibility rule per role, over the API (the UI calls the same service): a patient
 * whose care team holds nurse.bell and therapist.cove, seen by every demo role.
 */
class CareTeamAccessIT extends IntegrationTest {

	private String family;

	private String path;

	@BeforeEach
	void patientWithACareTeam() {
		this.family = PatientFixtures.uniqueFamilyName();
		String prescriber = tokenFor("dr.quill");
		this.path = "/api/v1/patients/"
				+ this.api.post("/api/v1/patients", PatientFixtures.adult(this.family), prescriber)
					.json()
					.get("id")
					.asString();
		Response team = this.api.put(this.path + "/care-team",
				Map.of("members", List.of(userId("nurse.bell"), userId("therapist.cove"))), prescriber);
		assertThat(team.status()).isEqualTo(200);
		assertThat(this.api.post(this.path + "/body-measurements", Map.of("weightKg", 70), prescriber).status())
			.isEqualTo(201);
	}

	@Test
	void prescribersAndAdminsSeeEveryPatientWithClinicalContent() {
		for (String user : List.of("dr.quill", "admin")) {
			JsonNode patient = this.api.get(this.path, tokenFor(user)).json();
			assertThat(patient.get("clinicalAccess").asBoolean()).as(user).isTrue();
			assertThat(patient.get("latestBody").get("weightKg").asDouble()).as(user).isEqualTo(70.0);
			assertThat(search(user)).as(user).contains(this.family);
		}
	}

	@Test
	void careTeamNursesAndTherapistsSeeThePatient() {
		for (String user : List.of("nurse.bell", "therapist.cove")) {
			Response response = this.api.get(this.path, tokenFor(user));
			assertThat(response.status()).as(user).isEqualTo(200);
			assertThat(response.json().get("clinicalAccess").asBoolean()).as(user).isTrue();
			assertThat(search(user)).as(user).contains(this.family);
		}
	}

	@Test
	void nursesAndTherapistsOutsideTheCareTeamGetNotFoundAndNoTrace() {
		for (String user : List.of("nurse.fern", "therapist.wren")) {
			String token = tokenFor(user);
			Response read = this.api.get(this.path, token);
			assertThat(read.status()).as(user).isEqualTo(404);
			assertThat(read.body()).as(user).doesNotContain(this.family);
			assertThat(this.api.get(this.path + "/body-measurements", token).status()).as(user).isEqualTo(404);
			assertThat(this.api.get(this.path + "/care-team", token).status()).as(user).isEqualTo(404);
			assertThat(search(user)).as(user).doesNotContain(this.family);
		}
		UUID patientId = UUID.fromString(this.path.substring(this.path.lastIndexOf('/') + 1));
		assertThat(this.jdbc.sql("select count(*) from audit.entry where patient_id = ? and outcome = 'DENIED'")
			.param(patientId)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(6);
	}

	@Test
	void frontDeskSeesDemographicsButNoClinicalContent() {
		String desk = tokenFor("desk.dale");
		Response read = this.api.get(this.path, desk);

		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json().get("familyName").asString()).isEqualTo(this.family);
		assertThat(read.json().get("clinicalAccess").asBoolean()).isFalse();
		assertThat(read.json().get("latestBody").isNull()).isTrue();
		assertThat(read.body()).doesNotContain("weightKg");
		assertThat(this.api.get(this.path + "/body-measurements", desk).status()).isEqualTo(403);
		assertThat(this.api.post(this.path + "/body-measurements", Map.of("weightKg", 71), desk).status())
			.isEqualTo(403);
		assertThat(search("desk.dale")).contains(this.family);
	}

	@Test
	void onlyPrescribersAndAdminsChangeTheCareTeam() {
		Map<String, Object> body = Map.of("members", List.of(userId("nurse.fern")));
		assertThat(this.api.put(this.path + "/care-team", body, tokenFor("nurse.bell")).status()).isEqualTo(403);
		assertThat(this.api.put(this.path + "/care-team", body, tokenFor("desk.dale")).status()).isEqualTo(403);
		assertThat(this.api.get(this.path, tokenFor("nurse.fern")).status()).isEqualTo(404);

		assertThat(this.api.put(this.path + "/care-team", body, tokenFor("admin")).status()).isEqualTo(200);
		assertThat(this.api.get(this.path, tokenFor("nurse.fern")).status()).isEqualTo(200);
		assertThat(this.api.get(this.path, tokenFor("nurse.bell")).status()).as("removed from the team").isEqualTo(404);
	}

	@Test
	void careTeamsTakeOnlyActiveClinicians() {
		Response response = this.api.put(this.path + "/care-team",
				Map.of("members", List.of(userId("desk.dale"), UUID.randomUUID())), tokenFor("dr.quill"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.body()).contains("\"field\":\"members\"");
	}

	@Test
	void onlyCareTeamNursesAndPrescribersRecordWeight() {
		assertThat(this.api.post(this.path + "/body-measurements", Map.of("weightKg", 71), tokenFor("nurse.bell"))
			.status()).isEqualTo(201);
		assertThat(this.api.post(this.path + "/body-measurements", Map.of("weightKg", 72), tokenFor("therapist.cove"))
			.status()).isEqualTo(403);
	}

	private String search(String user) {
		return this.api.get("/api/v1/patients?q=" + this.family, tokenFor(user)).body();
	}

}
