package org.kapclinic.patient;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

class PatientApiIT extends IntegrationTest {

	@Test
	void registersAPatientWithLocationIdMrnAndVersion() {
		String family = PatientFixtures.uniqueFamilyName();
		Response created = this.api.post("/api/v1/patients", PatientFixtures.adult(family), tokenFor("desk.dale"));

		assertThat(created.status()).isEqualTo(201);
		JsonNode body = created.json();
		assertThat(created.location()).endsWith("/api/v1/patients/" + body.get("id").asString());
		assertThat(body.get("mrn").asString()).matches("KAP-\\d{6,}");
		assertThat(body.get("version").asLong()).isZero();
		assertThat(body.get("age").asInt()).isGreaterThanOrEqualTo(37);
		assertThat(body.get("minor").asBoolean()).isFalse();
	}

	@Test
	void invalidInputIsA400WithFieldErrorsAndStoresNothing() {
		String family = PatientFixtures.uniqueFamilyName();
		Map<String, Object> body = PatientFixtures.adult(family);
		body.put("givenName", "");
		body.put("email", "not-an-email");
		body.put("birthDate", "2999-01-01");

		Response response = this.api.post("/api/v1/patients", body, tokenFor("admin"));

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.contentType()).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"field\":\"givenName\"")
			.contains("\"field\":\"email\"")
			.contains("\"field\":\"birthDate\"");
		assertThat(countFamily(family)).isZero();
	}

	@Test
	void aMinorNeedsAGuardian() {
		String family = PatientFixtures.uniqueFamilyName();
		String token = tokenFor("admin");

		Response without = this.api.post("/api/v1/patients", PatientFixtures.minor(family, false), token);
		assertThat(without.status()).isEqualTo(400);
		assertThat(without.body()).contains("\"field\":\"guardians\"");
		assertThat(countFamily(family)).isZero();

		Response with = this.api.post("/api/v1/patients", PatientFixtures.minor(family, true), token);
		assertThat(with.status()).isEqualTo(201);
		assertThat(with.json().get("minor").asBoolean()).isTrue();
		assertThat(with.json().get("guardians").get(0).get("relationship").asString()).isEqualTo("Parent");
	}

	@Test
	void findsPatientsByNamePrefixMrnAndBirthDate() {
		String family = PatientFixtures.uniqueFamilyName();
		String token = tokenFor("admin");
		JsonNode created = this.api.post("/api/v1/patients", PatientFixtures.adult(family), token).json();

		assertThat(search("juni " + family.substring(0, 14).toLowerCase(), token)).contains(family);
		assertThat(search(created.get("mrn").asString(), token)).contains(family);
		assertThat(search("1988-04-12", token)).contains(family);
		assertThat(search("4/12/1988", token)).contains(family);
		assertThat(search("zz" + family, token)).doesNotContain(family);
	}

	@Test
	void theHeaderSearchFindsByRecordNumberDigitsPhoneAndEmail() {
		String family = PatientFixtures.uniqueFamilyName();
		String token = tokenFor("admin");
		Map<String, Object> body = PatientFixtures.adult(family);
		String phone = "0770 09" + String.format("%05d", Math.abs(family.hashCode()) % 100000);
		body.put("phone", phone);
		JsonNode created = this.api.post("/api/v1/patients", body, token).json();
		String digits = created.get("mrn").asString().replace("KAP-", "");

		assertThat(search(digits, token)).as("MRN digits").contains(family);
		assertThat(search("(" + phone.substring(0, 4) + ") " + phone.substring(5), token)).as("phone, any punctuation")
			.contains(family);
		assertThat(search(((String) body.get("email")).toUpperCase(), token)).as("e-mail, any case").contains(family);
		assertThat(search("0770 00000", token)).doesNotContain(family);
	}

	@Test
	void searchTextIsNeverAPattern() {
		String token = tokenFor("admin");
		Response wildcard = this.api.get("/api/v1/patients?q=%25", token);
		Response injection = this.api.get("/api/v1/patients?q=%27%3B%20drop%20table%20patient.patient%3B--", token);

		assertThat(wildcard.status()).isEqualTo(200);
		assertThat(wildcard.json().get("items")).isEmpty();
		assertThat(injection.status()).isEqualTo(200);
		assertThat(this.jdbc.sql("select count(*) from patient.patient").query(Long.class).single()).isPositive();
	}

	@Test
	void searchPagesAreBounded() {
		String token = tokenFor("admin");
		JsonNode page = this.api.get("/api/v1/patients?size=5&page=1", token).json();

		assertThat(page.get("items")).hasSize(5);
		assertThat(page.get("hasNext").asBoolean()).isTrue();
		assertThat(this.api.get("/api/v1/patients?size=1000", token).status()).isEqualTo(400);
	}

	@Test
	void updatesWithTheCurrentVersionAndRefusesAStaleOne() {
		String token = tokenFor("admin");
		JsonNode created = this.api
			.post("/api/v1/patients", PatientFixtures.adult(PatientFixtures.uniqueFamilyName()), token)
			.json();
		String path = "/api/v1/patients/" + created.get("id").asString();
		Map<String, Object> change = PatientFixtures.adult(created.get("familyName").asString());
		change.put("phone", "555-0199");
		change.put("version", 0);

		Response updated = this.api.put(path, change, token);
		Response stale = this.api.put(path, change, token);

		assertThat(updated.status()).isEqualTo(200);
		assertThat(updated.json().get("version").asLong()).isEqualTo(1);
		assertThat(updated.json().get("phone").asString()).isEqualTo("555-0199");
		assertThat(stale.status()).isEqualTo(409);
		assertThat(stale.json().get("currentVersion").asLong()).isEqualTo(1);
		assertThat(this.api.get(path, token).json().get("phone").asString()).isEqualTo("555-0199");
	}

	@Test
	void unknownIdsAre404AndMalformedOnes400() {
		String token = tokenFor("admin");
		assertThat(this.api.get("/api/v1/patients/" + UUID.randomUUID(), token).status()).isEqualTo(404);
		assertThat(this.api.get("/api/v1/patients/12", token).status()).isEqualTo(400);
	}

	@Test
	void keepsWeightHistoryAndShowsTheLatestWithItsDate() {
		String token = tokenFor("dr.quill");
		String id = this.api.post("/api/v1/patients", PatientFixtures.adult(PatientFixtures.uniqueFamilyName()), token)
			.json()
			.get("id")
			.asString();
		String path = "/api/v1/patients/" + id + "/body-measurements";

		assertThat(this.api
			.post(path, Map.of("weightKg", 80.5, "heightCm", 172, "measuredAt", "2026-01-10T09:00:00Z"), token)
			.status()).isEqualTo(201);
		assertThat(this.api.post(path, Map.of("weightKg", 78.2, "measuredAt", "2026-03-01T09:00:00Z"), token).status())
			.isEqualTo(201);
		assertThat(this.api.post(path, Map.of("weightKg", 2000), token).status()).isEqualTo(400);
		assertThat(this.api.post(path, Map.of("measuredAt", "2026-03-01T09:00:00Z"), token).status()).isEqualTo(400);

		JsonNode latest = this.api.get("/api/v1/patients/" + id, token).json().get("latestBody");
		assertThat(latest.get("weightKg").decimalValue()).isEqualByComparingTo("78.2");
		assertThat(latest.get("weightMeasuredAt").asString()).startsWith("2026-03-01T09:00");
		assertThat(latest.get("heightCm").decimalValue()).isEqualByComparingTo("172");
		assertThat(this.api.get(path, token).json()).hasSize(2);
	}

	private String search(String q, String token) {
		Response response = this.api
			.get("/api/v1/patients?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8), token);
		assertThat(response.status()).isEqualTo(200);
		return response.body();
	}

	private long countFamily(String family) {
		return this.jdbc.sql("select count(*) from patient.patient where family_name = ?")
			.param(family)
			.query(Long.class)
			.single();
	}

}
