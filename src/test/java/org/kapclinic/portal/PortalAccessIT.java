package org.kapclinic.portal;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.kapclinic.dosing.DosingFixtures;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One access policy for every portal page (issue 21): a patient reaches only their own
 * record. The matrix is generated from the route inventory: every portal route with an id
 * in its path, called by patient A with patient B's ids, answers 404 (and with A's own,
 * not 404, so the test can fail); the pages without ids never show B. The accounts are
 * made here directly (their set-up is walked by {@link PortalBrowserIT}).
 */
class PortalAccessIT extends IntegrationTest {

	@Autowired
	private Passwords passwords;

	@Autowired
	private OneTimeCodes codes;

	@Autowired
	private org.kapclinic.scheduling.OwnAppointments ownAppointments;

	@Test
	void everyPortalRouteWithAnIdAnswers404ForAnotherPatientsIdsAndNoPageShowsThem() throws IOException {
		DosingFixtures fixtures = DosingSteps.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures();
		DosingFixtures.Ready a = fixtures.ready("KAP", 70);
		DosingFixtures.Ready b = fixtures.ready("KAP", 70);
		PortalFixtures portal = new PortalFixtures(this.jdbc, this.passwords, this.codes, this.port);
		portal.account(b.patientId(), this.codes.newKey(), userId("desk.dale"));
		String familyB = this.jdbc.sql("select family_name from patient.patient where id = ?::uuid")
			.param(b.patientId())
			.query(String.class)
			.single();
		this.jdbc
			.sql("insert into portal.message (id, patient_id, direction, body, sent_at) values (?, ?::uuid, "
					+ "'FROM_PATIENT', 'B only: my private words (fictional)', now())")
			.params(UUID.randomUUID(), b.patientId())
			.update();

		BrowserSession patientA = portal.signedIn(a.patientId(), userId("desk.dale"));
		Map<String, String> requestA = Map.of("{appointmentId}", a.appointmentId(), "{requestId}",
				consentRequest(a.patientId()), "{signatureId}", signature(a.patientId()), "{id}",
				passkey(a.patientId()), "{disclosureId}", disclosure(a.patientId()));
		Map<String, String> requestB = Map.of("{appointmentId}", b.appointmentId(), "{requestId}",
				consentRequest(b.patientId()), "{signatureId}", signature(b.patientId()), "{id}",
				passkey(b.patientId()), "{disclosureId}", disclosure(b.patientId()));
		List<String> wrong = new ArrayList<>();
		int routes = 0;
		for (String line : Files.readAllLines(Path.of("src/test/resources/routes.txt"))) {
			String[] parts = line.trim().split("\\s+");
			if (parts.length < 2 || !parts[1].startsWith("/portal") || !parts[1].contains("{")
					|| parts[1].startsWith("/portal/invite")) {
				continue;
			}
			routes++;
			String others = fill(parts[1], requestB);
			String own = fill(parts[1], requestA);
			int asOther = call(patientA, parts[0], others);
			if (asOther != 404) {
				wrong.add(parts[0] + " " + others + " answered " + asOther + " with another patient's id");
			}
			int asOwn = call(patientA, parts[0], own);
			if (asOwn == 404) {
				wrong.add(parts[0] + " " + own + " answered 404 with the patient's own id");
			}
		}
		assertThat(routes).as("portal routes with an id in their path").isGreaterThanOrEqualTo(2);
		org.assertj.core.api.Assertions.assertThatThrownBy(
				() -> this.ownAppointments.upcoming(java.util.UUID.fromString(b.patientId()), java.time.Instant.now()))
			.as("the services behind portal pages refuse anyone but the patient themself, not only the pages")
			.isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
		HttpResponse<String> missing = patientA.get("/portal/schedule/" + b.appointmentId() + ".ics");
		assertThat(missing.body()).as("a patient's error page leads back to their home")
			.contains("Back to your home page")
			.doesNotContain("Back to patients");
		assertThat(wrong).isEmpty();
		this.jdbc.sql("insert into notes.journal_entry (id, patient_id, kind, text, created_at, submitted_at, "
				+ "from_portal) values (?, ?::uuid, 'INTENTION', 'B only: my intention (fictional)', now(), now(), true)")
			.params(UUID.randomUUID(), b.patientId())
			.update();
		for (String page : List.of("/portal", "/portal/schedule", "/portal/messages", "/portal/check-in",
				"/portal/journal", "/portal/preparation", "/portal/consents", "/portal/billing", "/portal/progress",
				"/portal/documents", "/portal/after-visit")) {
			HttpResponse<String> shown = patientA.get(page);
			assertThat(shown.statusCode()).as(page).isEqualTo(200);
			assertThat(shown.body()).as(page).doesNotContain(familyB, b.patientId(), b.appointmentId(), "B only");
		}
	}

	/** The route with each id variable replaced by that patient's id of its kind. */
	private static String fill(String route, Map<String, String> ids) {
		String path = route;
		for (Map.Entry<String, String> id : ids.entrySet()) {
			path = path.replace(id.getKey(), id.getValue());
		}
		if (path.contains("{")) {
			throw new IllegalStateException("PortalAccessIT has no ids for " + route + ": add its kind");
		}
		return path;
	}

	/** A consent for the patient to sign in the portal, asked for by their prescriber. */
	private String consentRequest(String patientId) {
		BrowserSession prescriber = BrowserSession.signIn(this.port, "dr.quill", PASSWORD);
		assertThat(prescriber
			.post("/patients/" + patientId + "/eligibility", "/patients/" + patientId + "/consent-links",
					Map.of("document", "TELEHEALTH", "signerRole", "PATIENT"))
			.statusCode()).isEqualTo(302);
		return this.jdbc.sql("select link_id::text from intake.consent_request where patient_id = ?::uuid")
			.param(patientId)
			.query(String.class)
			.single();
	}

	/** A disclosure about the patient to a fictional outside provider, with its PDF. */
	private String disclosure(String patientId) {
		UUID provider = UUID.randomUUID();
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("insert into notes.outside_provider (id, name, secure_contact, created_at, created_by) "
					+ "values (?, 'Dr. Imaginary Outsider (fictional)', 'fax 555-0100', now(), ?)")
			.params(provider, userId("dr.quill"))
			.update();
		this.jdbc
			.sql("""
					insert into notes.disclosure (id, patient_id, provider_id, content, consent_id, disclosed_at, disclosed_by,
					    pdf, pdf_sha256)
					values (?, ?::uuid, ?, '{DOSES}', ?, now(), ?, ?, 'fictional')""")
			.params(id, patientId, provider, UUID.randomUUID(), userId("dr.quill"), "%PDF-1.4 fictional".getBytes())
			.update();
		return id.toString();
	}

	/**
	 * A passkey of the patient's portal account (its id in base64url, as the account page
	 * names it).
	 */
	private String passkey(String patientId) {
		byte[] credential = new byte[16];
		new java.security.SecureRandom().nextBytes(credential);
		byte[] one = { 0 };
		this.jdbc.sql("""
				insert into portal.passkey (credential_id, user_id, label, credential_type, public_key, signature_count,
				    uv_initialized, backup_eligible, backup_state, attestation_object, attestation_client_data_json,
				    created_at)
				select ?, id, 'Fictional phone', 'public-key', ?, 0, true, false, false, ?, ?, now()
				from portal.account where patient_id = ?::uuid""")
			.params(credential, one, one, one, patientId)
			.update();
		return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(credential);
	}

	/**
	 * A signed telehealth consent of the patient's (one they may withdraw in the portal).
	 */
	private String signature(String patientId) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into intake.consent_signature (id, patient_id, document_code, document_version, document_sha256,
				    signer_name, signer_role, signed_at, recorded_by)
				select ?, ?::uuid, code, version, sha256, 'A. Fictional', 'PATIENT', now(), ?
				from intake.consent_document where code = 'TELEHEALTH' order by version desc limit 1""")
			.params(id, patientId, userId("dr.quill"))
			.update();
		return id.toString();
	}

	private int call(BrowserSession session, String method, String path) {
		if (method.equals("GET")) {
			return session.get(path).statusCode();
		}
		var r = session.post("/portal/schedule", path, Map.of("change", "RESCHEDULE", "signerName", "x"));
		return r.statusCode();
	}

}
