package org.kapclinic.reports;

import java.io.ByteArrayInputStream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The de-identified research export (issue 18): an administrator asks with a purpose, the
 * job runs, the ZIP of the demo clinic holds none of any patient's identifiers (HIPAA
 * Safe Harbor, 45 CFR 164.514(b)(2)), no calendar date, and study ids that differ between
 * two exports; others are refused.
 */
class ResearchExportIT extends IntegrationTest {

	private static final String EXPORTS = "/api/v1/exports/research";

	private static final String PURPOSE = "Practice outcomes audit for the fictional ethics board, protocol DEMO-1";

	private static final Pattern DATE = Pattern.compile("\\b(19|20)\\d\\d-[01]\\d-[0-3]\\d\\b");

	/** The exports this test asked for. */
	private final List<String> exported = new ArrayList<>();

	@Test
	void theDemoClinicsExportHoldsNoIdentifierOfAnyPatient() throws Exception {
		awaitReadModel();
		String admin = tokenFor("admin");
		Response vague = this.api.post(EXPORTS, Map.of("purpose", "research"), admin);
		assertThat(vague.status()).isEqualTo(400);
		assertThat(vague.body()).contains("purpose", "approval");

		Map<String, String> files = download(admin);
		assertThat(files.keySet()).contains("patients.csv", "courses.csv", "sessions.csv", "measurements.csv",
				"adverse_events.csv", "data_dictionary.csv", "README.txt");
		int patients = this.jdbc
			.sql("select count(distinct patient_id) from reports.course_outcome where instrument = '*'")
			.query(Integer.class)
			.single();
		assertThat(files.get("patients.csv").split("\r\n")).as("a header and a row per patient with a course")
			.hasSize(patients + 1);
		assertThat(files.get("measurements.csv").split("\r\n").length).isGreaterThan(patients);
		int courses = this.jdbc.sql("select count(*) from reports.course_outcome where instrument = '*'")
			.query(Integer.class)
			.single();
		assertThat(files.get("courses.csv").split("\r\n")).as("a row per course").hasSize(courses + 1);
		assertThat(java.util.Arrays.stream(files.get("sessions.csv").split("\r\n")).skip(1).toList())
			.as("every session names its course's number")
			.isNotEmpty()
			.allMatch((line) -> line.matches("S[0-9a-f]{16},[1-9][0-9]*,.*"));
		assertThat(files.get("README.txt")).contains(PURPOSE, "45 CFR 164.514(b)(2)");

		List<String> identifiers = identifiers();
		assertThat(identifiers).as("names, MRNs, birth dates, contacts of every demo patient").hasSizeGreaterThan(500);
		assertThat(contains("S0a1,42,\"" + identifiers.get(2) + "\",F33.1", identifiers.get(2)))
			.as("the scan finds a name where one is")
			.isTrue();
		// A test patient called "Audit" (AuditTrailIT) is not found in the instrument
		// code
		// AUDIT: a value of the export's own vocabulary is not an identifier.
		Set<String> vocabulary = Set.of("audit", "audit-c");
		List<String> hits = new ArrayList<>();
		for (String identifier : identifiers) {
			if (vocabulary.contains(identifier.toLowerCase(Locale.ROOT))) {
				continue;
			}
			files.forEach((name, text) -> {
				if (name.endsWith(".csv") && !name.equals("data_dictionary.csv")
						&& contains(text.substring(text.indexOf("\r\n") + 2), identifier)) {
					hits.add(name + ": " + identifier);
				}
			});
		}
		assertThat(hits).as("identifiers of patients found in the export").isEmpty();
		files.forEach((name, text) -> {
			if (name.endsWith(".csv")) {
				assertThat(DATE.matcher(text).find()).as(name + " holds a calendar date").isFalse();
			}
		});

		Set<String> first = studyIds(files.get("patients.csv"));
		Set<String> second = studyIds(download(admin).get("patients.csv"));
		assertThat(first).hasSize(patients);
		assertThat(second).hasSize(patients).doesNotContainAnyElementsOf(first);
		for (String export : this.exported) {
			assertThat(awaitExportAudits(export)).as("the request and the download of " + export).isEqualTo(2);
		}
	}

	@Test
	void aFilePastItsRetentionIsRemovedAndTheRecordStays(
			@org.springframework.beans.factory.annotation.Autowired ResearchExportRetention retention)
			throws Exception {
		awaitReadModel();
		String admin = tokenFor("admin");
		download(admin);
		String id = this.jdbc.sql("select id::text from reports.research_export order by requested_at desc limit 1")
			.query(String.class)
			.single();
		this.jdbc
			.sql("update reports.research_export set finished_at = finished_at - interval '8 days' where id = ?::uuid")
			.param(id)
			.update();
		retention.purge();
		JsonNode status = this.api.get(EXPORTS + "/" + id, admin).json();
		assertThat(status.get("status").asString()).isEqualTo("DONE");
		assertThat(status.get("file").isNull()).as("no file to download").isTrue();
		assertThat(status.get("purpose").asString()).as("the record stays").isEqualTo(PURPOSE);
		Response gone = this.api.get(EXPORTS + "/" + id + "/file", admin);
		assertThat(gone.status()).isEqualTo(422);
		assertThat(gone.body()).contains("request a new export");
	}

	@Test
	void onlyAnAdministratorMayExport() {
		for (String user : List.of("dr.quill", "nurse.bell", "therapist.cove", "desk.dale")) {
			assertThat(this.api.post(EXPORTS, Map.of("purpose", PURPOSE), tokenFor(user)).status()).as(user)
				.isEqualTo(403);
		}
	}

	private Map<String, String> download(String admin) throws Exception {
		Response requested = this.api.post(EXPORTS, Map.of("purpose", PURPOSE), admin);
		assertThat(requested.status()).as(requested.body()).isEqualTo(202);
		String id = requested.json().get("id").asString();
		this.exported.add(id);
		JsonNode status = null;
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < deadline) {
			status = this.api.get(EXPORTS + "/" + id, admin).json();
			if (!status.get("status").asString().matches("QUEUED|RUNNING")) {
				break;
			}
			Thread.sleep(200);
		}
		assertThat(status.get("status").asString()).as(status.toString()).isEqualTo("DONE");
		HttpResponse<byte[]> zip = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + status.get("file").asString()))
				.header("Authorization", "Bearer " + admin)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(zip.statusCode()).isEqualTo(200);
		assertThat(zip.headers().firstValue("Content-Type")).hasValue("application/zip");
		Map<String, String> files = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.body()))) {
			for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
				files.put(entry.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		return files;
	}

	/**
	 * Every identifying value of every patient (the demo clinic's and every other test's,
	 * whose names include words such as "Route"; hence the data rows are scanned, not the
	 * column headers or the fixed data dictionary): ids, record numbers, names, birth
	 * dates (as ISO and as US dates), phone numbers, e-mail addresses, address lines,
	 * cities, postal codes, emergency contacts and guardians.
	 */
	private List<String> identifiers() {
		List<String> values = new ArrayList<>();
		this.jdbc.sql("""
				select id::text, mrn, given_name, family_name, preferred_name, birth_date, phone, email, address_line1,
				       address_line2, address_city, address_postal_code, emergency_contact_name, emergency_contact_phone
				from patient.patient""").query((java.sql.ResultSet rs) -> {
			for (int column = 1; column <= 14; column++) {
				if (column == 6) {
					LocalDate birth = rs.getObject(6, LocalDate.class);
					values.add(birth.toString());
					values.add(birth.format(DateTimeFormatter.ofPattern("MM/dd/yyyy")));
				}
				else if (rs.getString(column) != null && !rs.getString(column).isBlank()) {
					values.add(rs.getString(column));
				}
			}
		});
		values.addAll(this.jdbc.sql("select name from patient.guardian").query(String.class).list());
		values.addAll(
				this.jdbc.sql("select phone from patient.guardian where phone is not null").query(String.class).list());
		return values;
	}

	/**
	 * Case-insensitive, as a whole word ("Verity" is a name; "severity" is a column).
	 */
	private static boolean contains(String text, String value) {
		String needle = value.toLowerCase(Locale.ROOT).strip();
		return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(needle) + "(?![a-z0-9])")
			.matcher(text.toLowerCase(Locale.ROOT))
			.find();
	}

	private static Set<String> studyIds(String patientsCsv) {
		Set<String> ids = new HashSet<>();
		String[] lines = patientsCsv.split("\r\n");
		for (int i = 1; i < lines.length; i++) {
			ids.add(lines[i].substring(0, lines[i].indexOf(',')));
		}
		return ids;
	}

	/** The export's EXPORT audit rows, once the batched audit writer has written them. */
	private int awaitExportAudits(String export) throws InterruptedException {
		int count = 0;
		for (int attempt = 0; attempt < 50; attempt++) {
			count = this.jdbc
				.sql("select count(*) from audit.entry where resource_type = 'ResearchExport' and action = 'EXPORT' "
						+ "and resource_id = ?")
				.param(export)
				.query(Integer.class)
				.single();
			if (count >= 2) {
				break;
			}
			Thread.sleep(100);
		}
		return count;
	}

	private void awaitReadModel() throws InterruptedException {
		for (int attempt = 0; attempt < 100; attempt++) {
			if (this.jdbc.sql("select count(*) from reports.read_model").query(Integer.class).single() > 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new IllegalStateException("the outcomes read model was never built");
	}

}
