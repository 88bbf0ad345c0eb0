package org.kapclinic.web;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Input a client controls that used to reach the database or the JSON parser unchecked
 * (issue 16 finding 6): page numbers past 10,000, page sizes past 200, control characters
 * in search text (each was a 500) are 400s naming the field; a body larger than 1 MB is a
 * 413 before anyone signs in or anything parses it.
 */
class RequestLimitsIT extends IntegrationTest {

	@Test
	void pageNumbersSizesAndControlCharactersAreFieldErrors() {
		String admin = tokenFor("admin");
		assertField(this.api.get("/api/v1/audit?page=2147483647", admin), "page");
		assertField(this.api.get("/api/v1/audit?size=201", admin), "size");
		assertThat(this.api.get("/api/v1/audit?size=200", admin).status()).isEqualTo(200);
		assertField(this.api.get("/api/v1/patients?q=ab%00c", tokenFor("dr.quill")), "q");
		assertField(this.api.get("/api/v1/patients?page=10001", tokenFor("dr.quill")), "page");

		BrowserSession desk = BrowserSession.signIn(this.port, "desk.dale", PASSWORD);
		assertThat(desk.get("/patients?page=2147483647").statusCode()).isEqualTo(400);
		assertThat(desk.get("/patients?q=ab%00c").statusCode()).isEqualTo(400);
		assertThat(desk.get("/patients?page=3").statusCode()).isEqualTo(200);
	}

	@Test
	void aBodyOverOneMegabyteIsRefusedBeforeSignInOrParsing() throws Exception {
		String huge = "{\"familyName\":\"" + "x".repeat(1_100_000) + "\"}";
		HttpResponse<String> refused = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/v1/consultation-requests"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(huge))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
		assertThat(refused.body()).contains("larger than 1048576 bytes");
	}

	@Test
	void readingACourseOrAnAppointmentWritesOneAuditRowNamingThePatient() {
		String prescriber = tokenFor("dr.quill");
		UUID patient = UUID.fromString(this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Coursed", "familyName", "Readwick", "birthDate", "1981-01-01"), prescriber)
			.json()
			.get("id")
			.asString());
		Response started = this.api.post("/api/v1/patients/" + patient + "/courses",
				Map.of("templateCode", "KAP_IN_SESSION", "therapistId", userId("therapist.wren").toString()),
				prescriber);
		assertThat(started.status()).as(started.body()).isEqualTo(201);
		UUID courseId = UUID.fromString(started.json().get("id").asString());
		for (String part : new String[] { "", "/progress", "/checks", "/history" }) {
			long before = auditCount(patient, "READ");
			assertThat(this.api.get("/api/v1/courses/" + courseId + part, prescriber).status()).isEqualTo(200);
			assertThat(auditCount(patient, "READ") - before).as("course" + part).isEqualTo(1);
		}
		Map<String, Object> appointment = this.jdbc.sql("select id, patient_id from scheduling.appointment limit 1")
			.query()
			.singleRow();
		UUID appointmentPatient = (UUID) appointment.get("patient_id");
		long before = auditCount(appointmentPatient, "READ");
		assertThat(this.api.get("/api/v1/appointments/" + appointment.get("id"), prescriber).status()).isEqualTo(200);
		assertThat(auditCount(appointmentPatient, "READ") - before).isEqualTo(1);
	}

	private static void assertField(Response response, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(400);
		assertThat(response.contentType()).contains("application/problem+json");
		assertThat(response.json().get("errors").toString()).contains("\"field\":\"" + field + "\"");
	}

}
