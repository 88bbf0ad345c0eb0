package org.kapclinic.audit;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The administrators' audit report (ONC 170.315(d)(2)/(3)): found by a patient's name or
 * MRN and a username rather than database ids, by action, data category and days, in the
 * chosen order, and as CSV whose download is itself audited.
 */
class AuditReportIT extends IntegrationTest {

	@Test
	void anAdministratorFindsWhoOpenedAChartByTheNameAndDownloadsIt() {
		String family = "Auditson" + letters();
		Map<String, Object> created = Map.of("givenName", "Ivy", "familyName", family, "birthDate", "1984-04-04");
		String prescriber = tokenFor("dr.quill");
		String id = this.api.post("/api/v1/patients", created, prescriber).json().get("id").asString();
		String mrn = this.api.get("/api/v1/patients/" + id, prescriber).json().get("mrn").asString();
		BrowserSession admin = BrowserSession.signIn(this.port, "admin", PASSWORD);

		HttpResponse<String> byName = admin.get("/admin/audit?patient=ivy+" + family.toLowerCase() + "&user=dr.quill");
		assertThat(byName.statusCode()).isEqualTo(200);
		assertThat(byName.body()).contains("Ivy " + family + " (" + mrn + ")").doesNotContain(id.substring(0, 8) + "<");
		assertThat(rowsOf(byName.body())).isGreaterThanOrEqualTo(2);
		assertThat(rowsOf(admin.get("/admin/audit?patient=" + mrn + "&user=nurse.fern").body()))
			.as("nobody else opened it")
			.isZero();
		assertThat(admin.get("/admin/audit?patient=Nobodyhere" + letters()).body())
			.contains("No patient has that name or MRN");
		String today = LocalDate.now().toString();
		assertThat(rowsOf(admin
			.get("/admin/audit?patient=" + mrn + "&action=CREATE&category=DEMOGRAPHICS&from=" + today + "&to=" + today)
			.body())).isEqualTo(1);
		assertThat(admin.get("/admin/audit?from=" + today + "&to=2020-01-01").statusCode()).isEqualTo(400);
		this.api.get("/api/v1/patients?q=" + family, tokenFor("desk.dale"));
		assertThat(admin.get("/admin/audit?patient=" + mrn + "&action=QUERY&user=desk.dale").body())
			.as("a search that showed the patient is one row naming them (issue 16 finding 5)")
			.contains("desk.dale", "1 patient shown");
		assertThat(this.jdbc.sql("""
				select count(*) from audit.entry
				where actor_name = 'desk.dale' and action = 'QUERY' and patient_ids @> array[?::uuid]""")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1);

		HttpResponse<String> csv = admin.get("/admin/audit/report.csv?patient=" + mrn + "&sort=OLDEST");
		assertThat(csv.headers().firstValue("Content-Type"))
			.hasValueSatisfying((t) -> assertThat(t).startsWith("text/csv"));
		List<String> lines = csv.body().lines().toList();
		assertThat(lines.get(0)).startsWith("id,occurred_at_utc,user,roles,action");
		assertThat(lines.get(1)).contains("dr.quill", "CREATE", "Ivy " + family + " (" + mrn + ")");
		long first = Long.parseLong(lines.get(1).substring(0, lines.get(1).indexOf(',')));
		long last = Long.parseLong(lines.get(lines.size() - 1).substring(0, lines.get(lines.size() - 1).indexOf(',')));
		assertThat(first).as("oldest first").isLessThan(last);
		assertThat(this.jdbc.sql("""
				select count(*) from audit.entry
				where action = 'EXPORT' and resource_type = 'AuditTrail' and patient_id = ?""")
			.param(UUID.fromString(id))
			.query(Long.class)
			.single()).as("the download is audited as an export").isEqualTo(1);
	}

	@Test
	void aCellASpreadsheetWouldRunIsDefused() {
		assertThat(AuditCsv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(AuditCsv.cell("-1+2")).isEqualTo("'-1+2");
		assertThat(AuditCsv.cell("plain, with comma")).isEqualTo("\"plain, with comma\"");
		assertThat(AuditCsv.cell(null)).isEmpty();
	}

	private static int rowsOf(String page) {
		String body = page.substring(page.indexOf("<tbody>"), page.indexOf("</tbody>"));
		return body.contains("No entries.") ? 0 : body.split("<tr").length - 1;
	}

}
