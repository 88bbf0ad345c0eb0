package org.kapclinic.fhir;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.ApiClient.Response;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk Data $export as a client runs it: kick-off, polling, the manifest, each NDJSON
 * file downloaded and parsed, with _type, _typeFilter and _since, cancellation, and the
 * care-team rule (an export holds only the patients its requester may see).
 */
class FhirExportIT extends FhirIntegrationTest {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private String patientId;

	@org.springframework.beans.factory.annotation.Autowired
	private BulkExports exports;

	@BeforeEach
	void patientWithScoresOnTherapistCovesTeam() {
		String prescriber = tokenFor("dr.quill");
		this.patientId = patientOnCovesTeam("Ezra", "Exportly", "1990-05-06", "MALE");
		String path = "/api/v1/patients/" + this.patientId + "/measurements";
		assertThat(this.api
			.post(path, Map.of("instrument", "PHQ-9", "answers", List.of(2, 2, 2, 1, 1, 1, 0, 0, 0, 0),
					"administeredAt", "2026-11-02T10:00:00Z"), prescriber)
			.status()).isEqualTo(201);
		assertThat(this.api.post(path, Map.of("instrument", "GAD-7", "answers", List.of(1, 1, 1, 1, 1, 1, 1),
				"administeredAt", "2026-11-03T10:00:00Z"), prescriber)
			.status()).isEqualTo(201);
	}

	@Test
	void aFullExportRoundTripHoldsThePatientAndTheirRecordValidated() throws Exception {
		String token = tokenFor("dr.quill");
		long auditedBefore = auditedReadsOfMine();
		HttpResponse<String> kickOff = kickOff("/fhir/$export?_type=Patient,Observation,QuestionnaireResponse", token);
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		String status = kickOff.headers().firstValue("Content-Location").orElseThrow();
		assertThat(status).contains("/fhir/$export-poll-status?_jobId=");

		JsonNode manifest = manifest(status, token);
		assertThat(manifest.get("requiresAccessToken").asBoolean()).isTrue();
		assertThat(manifest.get("request").asString()).contains("$export");
		List<Resource> mine = new ArrayList<>();
		List<String> types = new ArrayList<>();
		for (JsonNode output : manifest.get("output")) {
			types.add(output.get("type").asString());
			List<Resource> file = download(output.get("url").asString(), token);
			assertThat(file).hasSize(output.get("count").asInt());
			assertThat(file).allMatch((r) -> r.fhirType().equals(output.get("type").asString()));
			file.stream().filter(this::isMine).forEach(mine::add);
		}
		assertThat(types).containsOnly("Patient", "Observation", "QuestionnaireResponse");
		assertThat(mine).extracting(Resource::fhirType)
			.containsExactlyInAnyOrder("Patient", "Observation", "Observation", "QuestionnaireResponse",
					"QuestionnaireResponse");
		for (Resource resource : mine) {
			assertThat(FhirValidation.errors(resource)).as(resource.fhirType()).isEmpty();
		}
		assertThat(auditedReadsOfMine() - auditedBefore)
			.as("the export's reads of the patient's scores and responses are audited, dr.quill the actor")
			.isGreaterThanOrEqualTo(2);
		assertThat(download(manifest.get("output").get(0).get("url").asString(), tokenFor("therapist.cove")))
			.as("another user may not download it")
			.isNull();
	}

	@Test
	void typeFilterAndSinceNarrowTheExport() throws Exception {
		String token = tokenFor("dr.quill");
		String filter = URLEncoder.encode("Observation?code=http://loinc.org|70274-6", StandardCharsets.UTF_8);
		List<Resource> filtered = everything(
				kickOff("/fhir/Patient/$export?_type=Observation&_typeFilter=" + filter, token), token);
		assertThat(filtered.stream().filter(this::isMine).map((r) -> ((Observation) r).getCode().getText())).hasSize(1);
		assertThat(filtered).allMatch(
				(r) -> ((Observation) r).getCode().getCoding().stream().anyMatch((c) -> c.getCode().equals("70274-6")));

		// Both scores were recorded (meta.lastUpdated) during set-up, whenever they were
		// administered.
		String hourAgo = URLEncoder.encode(Instant.now().minusSeconds(3600).toString(), StandardCharsets.UTF_8);
		assertThat(everything(kickOff("/fhir/$export?_type=Observation&_since=" + hourAgo, token), token).stream()
			.filter(this::isMine)).hasSize(2);
		Thread.sleep(5);
		String now = URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8);
		assertThat(everything(kickOff("/fhir/$export?_type=Observation&_since=" + now, token), token).stream()
			.filter(this::isMine)).isEmpty();
	}

	@Test
	void anExportHoldsOnlyThePatientsItsRequesterMaySee() throws Exception {
		String cove = tokenFor("therapist.cove");
		assertThat(everything(kickOff("/fhir/$export?_type=Patient", cove), cove)).anyMatch(this::isMine);
		String wren = tokenFor("therapist.wren");
		assertThat(everything(kickOff("/fhir/$export?_type=Patient", wren), wren)).noneMatch(this::isMine);
	}

	@Test
	void badKickOffsSayWhyAndACancelledExportIsGone() throws Exception {
		String token = tokenFor("dr.quill");
		HttpResponse<String> synchronous = HTTP.send(request("/fhir/$export", token).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(synchronous.statusCode()).isEqualTo(400);
		assertThat(synchronous.body()).contains("Prefer: respond-async");
		HttpResponse<String> unknownType = kickOff("/fhir/$export?_type=Invoice", token);
		assertThat(unknownType.statusCode()).isEqualTo(400);
		assertThat(unknownType.body()).contains("does not export Invoice");
		assertThat(kickOff("/fhir/$export?_typeFilter=Patient%3Fname%3Dx", token).statusCode()).isEqualTo(400);
		assertThat(kickOff("/fhir/$export", null).statusCode()).isEqualTo(401);

		String status = kickOff("/fhir/$export", token).headers().firstValue("Content-Location").orElseThrow();
		HttpResponse<String> cancelled = HTTP.send(absolute(status, token).DELETE().build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(cancelled.statusCode()).isEqualTo(202);
		assertThat(HTTP.send(absolute(status, token).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(404);
		assertThat(
				HTTP.send(absolute(status, tokenFor("nurse.bell")).GET().build(), HttpResponse.BodyHandlers.ofString())
					.statusCode())
			.as("another user's poll finds nothing")
			.isEqualTo(404);
	}

	@Test
	void anExternalClientsExportNeedsItsScopesAndLeavesOutWithdrawnReleases() throws Exception {
		String patients = tokenFor("dr.quill");
		String withdrawnId = this.api
			.post("/api/v1/patients", Map.of("givenName", "Wanda", "familyName", "Withdrawly" + letters(), "birthDate",
					"1988-02-03", "confirmDuplicate", true), patients)
			.json()
			.get("id")
			.asString();
		Response release = this.api.post("/api/v1/patients/" + withdrawnId + "/consents",
				Map.of("document", "RELEASE_OF_INFORMATION", "version", 1, "signerName", "Wanda Withdrawly",
						"signerRole", "PATIENT", "details", Map.of("recipientName", "Registry (test)", "scope",
								"outcome scores", "expiresOn", "2030-01-01", "content", "OUTCOMES")),
				patients);
		assertThat(release.status()).as(release.body()).isEqualTo(201);
		assertThat(this.api
			.post("/api/v1/consents/" + release.json().get("id").asString() + "/withdraw",
					Map.of("reason", "patient revoked it in writing"), patients)
			.status()).isEqualTo(200);

		SmartClientFixture external = SmartClientFixture.register(this.api, this.port, tokenFor("admin"),
				List.of("system/Patient.rs"), true);
		String token = external.accessToken("system/Patient.rs");
		HttpResponse<String> tooWide = kickOff("/fhir/$export?_type=Patient,Observation", token);
		assertThat(tooWide.statusCode()).isEqualTo(403);
		assertThat(tooWide.body()).contains("system/Observation.rs");
		List<Resource> exported = everything(kickOff("/fhir/$export", token), token);
		assertThat(exported).extracting(Resource::fhirType).containsOnly("Patient");
		assertThat(exported).anyMatch(this::isMine);
		assertThat(exported).as("a withdrawn release keeps the patient out of an external export")
			.noneMatch((r) -> r.getIdElement().getIdPart().equals(withdrawnId));

		SmartClientFixture internal = SmartClientFixture.register(this.api, this.port, tokenFor("admin"),
				List.of("system/*.rs"), false);
		String internalToken = internal.accessToken("system/*.rs");
		assertThat(everything(kickOff("/fhir/$export?_type=Patient", internalToken), internalToken))
			.anyMatch((r) -> r.getIdElement().getIdPart().equals(withdrawnId));
	}

	@Test
	void aProgramGroupExportsItsPatientsOnly() throws Exception {
		String inKap = org.kapclinic.dosing.DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "KAP_IN_SESSION")
			.patientId();
		String token = tokenFor("dr.quill");
		Response group = this.api.get("/fhir/Group/kap", token);
		assertThat(group.status()).as(group.body()).isEqualTo(200);
		assertThat(FhirValidation
			.errors(this.context.newJsonParser().parseResource(org.hl7.fhir.r4.model.Group.class, group.body())))
			.isEmpty();
		assertThat(this.api.get("/fhir/Group/yoga", token).status()).isEqualTo(404);

		List<Resource> kap = everything(kickOff("/fhir/Group/kap/$export?_type=Patient", token), token);
		assertThat(kap).anyMatch((r) -> r.getIdElement().getIdPart().equals(inKap));
		assertThat(kap).noneMatch(this::isMine);
		assertThat(everything(kickOff("/fhir/Group/esketamine/$export?_type=Patient", token), token))
			.noneMatch((r) -> r.getIdElement().getIdPart().equals(inKap));
	}

	@Test
	void filesExpireAndAreDeletedWhileTheJobStaysOnRecord() throws Exception {
		String token = tokenFor("dr.quill");
		String status = kickOff("/fhir/$export?_type=Patient", token).headers()
			.firstValue("Content-Location")
			.orElseThrow();
		JsonNode manifest = manifest(status, token);
		String jobId = status.substring(status.indexOf("_jobId=") + "_jobId=".length());
		assertThat(download(manifest.get("output").get(0).get("url").asString(), token)).isNotEmpty();

		this.jdbc.sql("update fhir.export_job set expires_at = now() - interval '1 second' where id = ?::uuid")
			.param(jobId)
			.update();
		this.exports.expire();
		assertThat(HTTP.send(absolute(status, token).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
			.isEqualTo(404);
		assertThat(download(manifest.get("output").get(0).get("url").asString(), token)).isNull();
		assertThat(this.jdbc.sql("select count(*) from fhir.export_file where job_id = ?::uuid")
			.param(jobId)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("select status from fhir.export_job where id = ?::uuid")
			.param(jobId)
			.query(String.class)
			.single()).isEqualTo("EXPIRED");
	}

	private long auditedReadsOfMine() {
		return this.jdbc.sql("""
				select count(*) from audit.entry where (patient_id = ?::uuid or ?::uuid = any(patient_ids))
				and actor_name = 'dr.quill' and action = 'READ'""")
			.params(this.patientId, this.patientId)
			.query(Long.class)
			.single();
	}

	private boolean isMine(Resource resource) {
		if (resource instanceof Patient) {
			return resource.getIdElement().getIdPart().equals(this.patientId);
		}
		return this.context.newTerser()
			.getAllResourceReferences(resource)
			.stream()
			.anyMatch((ref) -> ref.getResourceReference().getReferenceElement().getIdPart().equals(this.patientId));
	}

	private List<Resource> everything(HttpResponse<String> kickOff, String token) throws Exception {
		assertThat(kickOff.statusCode()).as(kickOff.body()).isEqualTo(202);
		JsonNode manifest = manifest(kickOff.headers().firstValue("Content-Location").orElseThrow(), token);
		List<Resource> all = new ArrayList<>();
		for (JsonNode output : manifest.get("output")) {
			all.addAll(download(output.get("url").asString(), token));
		}
		return all;
	}

	private JsonNode manifest(String status, String token) {
		HttpResponse<String>[] last = new HttpResponse[1];
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			last[0] = HTTP.send(absolute(status, token).GET().build(), HttpResponse.BodyHandlers.ofString());
			if (last[0].statusCode() == 202) {
				assertThat(last[0].headers().firstValue("X-Progress")).isPresent();
			}
			return last[0].statusCode() != 202;
		});
		assertThat(last[0].statusCode()).as(last[0].body()).isEqualTo(200);
		return JSON.readTree(last[0].body());
	}

	/** The file's resources, or null when it is refused. */
	private List<Resource> download(String url, String token) throws Exception {
		HttpResponse<String> file = HTTP.send(
				absolute(url, token).header("Accept", "application/fhir+ndjson").GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (file.statusCode() != 200) {
			return null;
		}
		assertThat(file.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/fhir+ndjson");
		return file.body().lines().map((line) -> (Resource) this.context.newJsonParser().parseResource(line)).toList();
	}

	private HttpResponse<String> kickOff(String path, String token) throws Exception {
		return HTTP.send(request(path, token).header("Prefer", "respond-async").GET().build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path, String token) {
		return absolute("http://127.0.0.1:" + this.port + path, token).header("Accept", "application/fhir+json");
	}

	private static HttpRequest.Builder absolute(String url, String token) {
		HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(url));
		return (token != null) ? builder.header("Authorization", "Bearer " + token) : builder;
	}

}
