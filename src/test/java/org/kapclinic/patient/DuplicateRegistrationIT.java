package org.kapclinic.patient;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Registration asks before creating a second record for the same person (issue 14 item
 * 5): same family name and date of birth, same e-mail or same phone answer 409
 * POSSIBLE_DUPLICATE with the matches and create nothing; confirmDuplicate creates the
 * record. Both are audited.
 */
class DuplicateRegistrationIT extends IntegrationTest {

	private static final String PATH = "/api/v1/patients";

	@Autowired
	DataSource dataSource;

	@Test
	void sameFamilyNameAndBirthDateIsAskedAboutThenCreatedOnlyWhenConfirmed() {
		String token = tokenFor("desk.dale");
		String family = PatientFixtures.uniqueFamilyName();
		Response first = this.api.post(PATH, person("Juniper", family, "1988-04-12"), token);
		assertThat(first.status()).as(first.body()).isEqualTo(201);
		String firstId = first.json().get("id").asString();

		Map<String, Object> again = person("Junie", family.toUpperCase(), "1988-04-12");
		Response duplicate = this.api.post(PATH, again, token);

		assertThat(duplicate.status()).isEqualTo(409);
		assertThat(duplicate.contentType()).startsWith("application/problem+json");
		JsonNode problem = duplicate.json();
		assertThat(problem.get("code").asString()).isEqualTo("POSSIBLE_DUPLICATE");
		JsonNode match = problem.get("matches").get(0);
		assertThat(match.get("id").asString()).isEqualTo(firstId);
		assertThat(match.get("mrn").asString()).isEqualTo(first.json().get("mrn").asString());
		assertThat(match.get("birthDate").asString()).isEqualTo("1988-04-12");
		assertThat(match.get("displayName").asString()).contains(family);
		assertThat(match.get("matchedOn").toString()).contains("NAME_AND_BIRTH_DATE");
		assertThat(countFamily(family)).as("nothing created").isEqualTo(1);
		assertThat(auditDetails(firstId, "QUERY")).anySatisfy(
				(detail) -> assertThat(detail).contains("possible duplicate", "same family name and date of birth"));

		again.put("confirmDuplicate", true);
		Response confirmed = this.api.post(PATH, again, token);
		assertThat(confirmed.status()).as(confirmed.body()).isEqualTo(201);
		assertThat(countFamily(family)).isEqualTo(2);
		assertThat(auditDetails(confirmed.json().get("id").asString(), "CREATE"))
			.anySatisfy((detail) -> assertThat(detail).contains(first.json().get("mrn").asString(), "set aside"));
	}

	@Test
	void aNurseLearnsThatAMatchExistsNotWhoseItIsOutsideHerCareTeams() {
		String family = PatientFixtures.uniqueFamilyName();
		Response first = this.api.post(PATH, person("Juniper", family, "1988-04-12"), tokenFor("desk.dale"));
		assertThat(first.status()).isEqualTo(201);

		Response duplicate = this.api.post(PATH, person("Juniper", family, "1988-04-12"), tokenFor("nurse.fern"));
		assertThat(duplicate.status()).isEqualTo(409);
		JsonNode match = duplicate.json().get("matches").get(0);
		assertThat(match.get("matchedOn").toString()).contains("NAME_AND_BIRTH_DATE");
		assertThat(duplicate.body()).as("minimum necessary: no identity of a patient she may not see")
			.doesNotContain(first.json().get("mrn").asString(), first.json().get("id").asString(), "1988-04-12");
		assertThat(auditDetails(first.json().get("id").asString(), "QUERY"))
			.anySatisfy((detail) -> assertThat(detail).contains("without name, birth date or MRN"));
	}

	@Test
	void sameEmailOrSamePhoneIsAPossibleDuplicateToo() {
		String token = tokenFor("admin");
		String email = "dup-" + UUID.randomUUID() + "@example.test";
		String phone = fictionalPhone();
		Map<String, Object> first = person("Orion", PatientFixtures.uniqueFamilyName(), "1975-01-02");
		first.put("email", email);
		first.put("phone", phone);
		assertThat(this.api.post(PATH, first, token).status()).isEqualTo(201);

		Map<String, Object> sameEmail = person("Thistle", PatientFixtures.uniqueFamilyName(), "1990-05-06");
		sameEmail.put("email", email.toUpperCase());
		Response byEmail = this.api.post(PATH, sameEmail, token);
		assertThat(byEmail.status()).isEqualTo(409);
		assertThat(byEmail.json().get("matches").get(0).get("matchedOn").toString()).contains("EMAIL")
			.doesNotContain("PHONE");

		Map<String, Object> samePhone = person("Bramble", PatientFixtures.uniqueFamilyName(), "1991-07-08");
		samePhone.put("phone", "(" + phone.substring(0, 5) + ") " + phone.substring(6).replace(" ", "-"));
		Response byPhone = this.api.post(PATH, samePhone, token);
		assertThat(byPhone.status()).isEqualTo(409);
		assertThat(byPhone.json().get("matches").get(0).get("matchedOn").toString()).contains("PHONE");

		Map<String, Object> someoneElse = person("Bramble", PatientFixtures.uniqueFamilyName(), "1991-07-08");
		assertThat(this.api.post(PATH, someoneElse, token).status()).as("no identity in common").isEqualTo(201);
	}

	@Test
	void theLookupIsAnsweredByIndexes() throws Exception {
		String sql = PossibleDuplicates.SQL.replace(":family", "'testwhistle'")
			.replace(":birthDate", "date '1988-04-12'")
			.replace(":email", "'juniper@example.test'")
			.replace(":phone", "'5550142'")
			.replace(":limit", "10");
		StringBuilder plan = new StringBuilder();
		try (Connection connection = this.dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("set local enable_seqscan = off");
				try (ResultSet rows = statement.executeQuery("explain " + sql)) {
					while (rows.next()) {
						plan.append(rows.getString(1)).append('\n');
					}
				}
			}
			finally {
				connection.rollback();
				connection.setAutoCommit(true);
			}
		}
		assertThat(plan.toString()).as(plan.toString())
			.doesNotContain("Seq Scan")
			.contains("patient_email_lower_idx", "patient_phone_digits_idx")
			// The name-and-birth-date arm may use either index, as the table's statistics
			// make one cheaper (seen both, depending on which tests ran before).
			.containsAnyOf("patient_birth_date_idx", "patient_family_key_idx");
	}

	private static Map<String, Object> person(String given, String family, String birthDate) {
		Map<String, Object> body = new HashMap<>();
		body.put("givenName", given);
		body.put("familyName", family);
		body.put("birthDate", birthDate);
		return body;
	}

	/** A number from Ofcom's range for drama (07700 900000–900999), never a real one. */
	static String fictionalPhone() {
		return "07700 900" + String.format("%03d", ThreadLocalRandom.current().nextInt(1000));
	}

	private long countFamily(String family) {
		return this.jdbc.sql("select count(*) from patient.patient where family_key = lower(?)")
			.param(family)
			.query(Long.class)
			.single();
	}

	private java.util.List<String> auditDetails(String patientId, String action) {
		return this.jdbc.sql("select coalesce(detail, '') from audit.entry where patient_id = ?::uuid and action = ?")
			.params(patientId, action)
			.query(String.class)
			.list();
	}

}
