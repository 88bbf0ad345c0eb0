package org.kapclinic.web;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The care-team rule and role limits hold on the browser pages too, not only on the API.
 */
class PagesByRoleIT extends IntegrationTest {

	private String family;

	private String chart;

	@BeforeEach
	void patientOnNurseBellsTeam() {
		this.family = "Pagewick" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String prescriber = tokenFor("dr.quill");
		String id = this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Marigold", "familyName", this.family, "birthDate", "1980-02-02"), prescriber)
			.json()
			.get("id")
			.asString();
		this.api.put("/api/v1/patients/" + id + "/care-team", Map.of("members", List.of(userId("nurse.bell"))),
				prescriber);
		this.api.post("/api/v1/patients/" + id + "/body-measurements", Map.of("weightKg", 64.5), prescriber);
		this.chart = "/patients/" + id;
	}

	@Test
	void aNurseOutsideTheCareTeamGetsANotFoundPageWithoutThePatient() {
		HttpResponse<String> page = BrowserSession.signIn(this.port, "nurse.fern", PASSWORD).get(this.chart);

		assertThat(page.statusCode()).isEqualTo(404);
		assertThat(page.body()).doesNotContain(this.family);
	}

	@Test
	void theCareTeamNurseSeesTheChartWithWeight() {
		HttpResponse<String> page = BrowserSession.signIn(this.port, "nurse.bell", PASSWORD).get(this.chart);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(this.family, "64.5", "Weight and height");
	}

	@Test
	void theFrontDeskSeesDemographicsButNoWeight() {
		HttpResponse<String> page = BrowserSession.signIn(this.port, "desk.dale", PASSWORD).get(this.chart);

		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(this.family).doesNotContain("64.5").doesNotContain("Weight and height");
	}

	@Test
	void theScheduleTabShowsCoursesToCliniciansAndAppointmentsToTheFrontDesk() {
		HttpResponse<String> prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD)
			.get(this.chart + "/schedule");
		assertThat(prescriber.statusCode()).isEqualTo(200);
		assertThat(prescriber.body()).contains("id=\"course-form\"", "id=\"booking-form\"", "KAP_IN_SESSION");
		HttpResponse<String> desk = BrowserSession.signIn(this.port, "desk.dale", PASSWORD)
			.get(this.chart + "/schedule");
		assertThat(desk.statusCode()).isEqualTo(200);
		assertThat(desk.body()).contains("id=\"booking-form\"").doesNotContain("id=\"course-form\"");
		HttpResponse<String> week = BrowserSession.signIn(this.port, "desk.dale", PASSWORD)
			.get("/schedule?date=2030-03-04&view=week");
		assertThat(week.statusCode()).isEqualTo(200);
		assertThat(week.body()).contains("id=\"calendar\"", "Mon 4 Mar");
	}

	@Test
	void measuresWorklistAndTasksAreForClinicians() {
		BrowserSession nurse = BrowserSession.signIn(this.port, "nurse.bell", PASSWORD);
		assertThat(nurse.get("/measures/worklist").statusCode()).isEqualTo(200);
		assertThat(nurse.get("/tasks").body()).contains("My tasks");
		assertThat(BrowserSession.signIn(this.port, "desk.dale", PASSWORD).get("/measures/worklist").statusCode())
			.isEqualTo(403);
	}

	@Test
	void onlyAdministratorsReachUserAdministrationAndTheAuditTrail() {
		BrowserSession nurse = BrowserSession.signIn(this.port, "nurse.bell", PASSWORD);
		assertThat(nurse.get("/admin/users").statusCode()).isEqualTo(403);
		assertThat(nurse.get("/admin/audit").statusCode()).isEqualTo(403);

		BrowserSession admin = BrowserSession.signIn(this.port, "admin", PASSWORD);
		admin.get(this.chart);
		String patientId = this.chart.substring("/patients/".length());
		HttpResponse<String> audit = admin.get("/admin/audit?patientId=" + patientId);
		assertThat(audit.statusCode()).isEqualTo(200);
		assertThat(audit.body()).contains("READ", "admin", "CREATE");
	}

	@Test
	void aFormWithABadEmailShowsTheErrorAndSavesNothing() {
		BrowserSession desk = BrowserSession.signIn(this.port, "desk.dale", PASSWORD);
		String family = "Formwick" + java.util.UUID.randomUUID().toString().substring(0, 8);

		HttpResponse<String> response = desk.post("/patients/new", "/patients",
				Map.of("givenName", "Ada", "familyName", family, "birthDate", "1990-01-01", "email", "not-an-email"));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("is-invalid").contains("email-error");
		assertThat(this.jdbc.sql("select count(*) from patient.patient where family_name = ?")
			.param(family)
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void anAdminCreatesAndDeactivatesAStaffAccountFromThePages() {
		BrowserSession admin = BrowserSession.signIn(this.port, "admin", PASSWORD);
		String username = "page.user" + java.util.UUID.randomUUID().toString().substring(0, 6);

		HttpResponse<String> created = admin.post("/admin/users/new", "/admin/users", Map.of("username", username,
				"displayName", "Page User", "password", "a-long-enough-password", "roles", "THERAPIST"));
		assertThat(created.statusCode()).isEqualTo(302);
		String id = this.jdbc.sql("select id::text from identity.app_user where username = ?")
			.param(username)
			.query(String.class)
			.single();

		assertThat(admin.post("/admin/users", "/admin/users/" + id + "/deactivate", Map.of()).statusCode())
			.isEqualTo(302);
		assertThat(this.jdbc.sql("select active from identity.app_user where id = ?::uuid")
			.param(id)
			.query(Boolean.class)
			.single()).isFalse();
	}

}
