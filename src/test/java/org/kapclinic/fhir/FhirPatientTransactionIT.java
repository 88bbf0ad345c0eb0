package org.kapclinic.fhir;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transaction Bundles of Patient creates ({@code POST /fhir}): all entries registered
 * together, or none (an invalid entry, a duplicate of a patient on file or of another
 * entry, each named in the OperationOutcome); other entries refused.
 */
class FhirPatientTransactionIT extends FhirIntegrationTest {

	private String family;

	@BeforeEach
	void family() {
		this.family = "Batch" + letters();
	}

	@Test
	void threeReferralsAreRegisteredTogether() {
		Bundle bundle = transaction(referral("A", "1971-01-01"), referral("B", "1972-02-02"),
				referral("C", "1973-03-03"));
		Bundle response = client("dr.quill").transaction().withBundle(bundle).execute();
		assertThat(response.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
		assertThat(response.getEntry()).hasSize(3)
			.allSatisfy((e) -> assertThat(e.getResponse().getStatus()).startsWith("201"))
			.allSatisfy(
					(e) -> assertThat(e.getResponse().getLocation()).matches("Patient/[0-9a-f-]{36}/_history/\\d+"));
		assertThat(FhirValidation.errors(response)).isEmpty();
		assertThat(count()).isEqualTo(3);
		String id = response.getEntry().get(1).getResponse().getLocation().split("/")[1];
		assertThat(client("dr.quill").read().resource(Patient.class).withId(id).execute().getNameFirstRep().getFamily())
			.isEqualTo(this.family + "B");
	}

	@Test
	void anEntrysIfNoneExistFindsThePatientAlreadyHere() {
		String existing = client("dr.quill").create()
			.resource(referral("A", "1971-01-01"))
			.execute()
			.getId()
			.toUnqualifiedVersionless()
			.getValue();
		String mrn = this.api.get("/api/v1/patients/" + existing.substring("Patient/".length()), tokenFor("dr.quill"))
			.json()
			.get("mrn")
			.asString();
		Bundle bundle = transaction(referral("A", "1971-01-01"), referral("B", "1972-02-02"));
		bundle.getEntryFirstRep()
			.getRequest()
			.setIfNoneExist("identifier=https://kapclinic.example/fhir/sid/mrn|" + mrn);
		Bundle response = client("dr.quill").transaction().withBundle(bundle).execute();
		assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("200");
		assertThat(response.getEntry().get(0).getResponse().getLocation()).startsWith(existing + "/_history/");
		assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("201");
		assertThat(count()).isEqualTo(2);
	}

	@Test
	void oneInvalidEntryRollsEveryEntryBack() {
		Patient invalid = referral("B", "1972-02-02");
		invalid.getName().clear();
		Bundle bundle = transaction(referral("A", "1971-01-01"), invalid, referral("C", "1973-03-03"));
		assertThatThrownBy(() -> client("dr.quill").transaction().withBundle(bundle).execute())
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("Bundle.entry[1] (urn:uuid:entry-1)");
		assertThat(count()).isZero();
	}

	@Test
	void aDuplicateWithinTheBundleRollsEveryEntryBack() {
		Bundle bundle = transaction(referral("A", "1971-01-01"), referral("B", "1972-02-02"),
				referral("A", "1971-01-01"));
		assertThatThrownBy(() -> client("dr.quill").transaction().withBundle(bundle).execute())
			.isInstanceOfSatisfying(ResourceVersionConflictException.class, (ex) -> {
				OperationOutcome outcome = (OperationOutcome) ex.getOperationOutcome();
				assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
				assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Bundle.entry[2]",
						"Bundle.entry[0] (urn:uuid:entry-0) of this transaction");
			});
		assertThat(count()).isZero();
	}

	@Test
	void anythingButPatientCreatesIsRefused() {
		Bundle bundle = transaction(referral("A", "1971-01-01"));
		bundle.addEntry()
			.setResource(new Observation().setStatus(Observation.ObservationStatus.FINAL))
			.getRequest()
			.setMethod(Bundle.HTTPVerb.POST)
			.setUrl("Observation");
		assertThatThrownBy(() -> client("dr.quill").transaction().withBundle(bundle).execute())
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining(PatientTransactions.PATIENT_CREATES_ONLY);
		Patient[] tooMany = new Patient[PatientTransactions.MAX_ENTRIES + 1];
		for (int i = 0; i < tooMany.length; i++) {
			tooMany[i] = referral("N" + i, "1960-01-01");
		}
		assertThatThrownBy(() -> client("dr.quill").transaction().withBundle(transaction(tooMany)).execute())
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("at most " + PatientTransactions.MAX_ENTRIES);
		assertThat(count()).isZero();
	}

	@Test
	void aBackendClientNeedsTheCreateScope() throws Exception {
		String reader = SmartClientFixture.accessToken(this.api, this.port, tokenFor("admin"),
				java.util.List.of("system/Patient.rs"));
		String body = this.context.newJsonParser().encodeResourceToString(transaction(referral("A", "1971-01-01")));
		assertThat(this.api.post("/fhir", body, reader).status()).isEqualTo(403);
		String writer = SmartClientFixture.accessToken(this.api, this.port, tokenFor("admin"),
				java.util.List.of("system/Patient.write"));
		assertThat(this.api.post("/fhir", body, writer).status()).isEqualTo(200);
		assertThat(count()).isEqualTo(1);
	}

	private Patient referral(String suffix, String birthDate) {
		return FhirPatientCreateIT.referral(this.family + suffix, birthDate);
	}

	private static Bundle transaction(Resource... patients) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < patients.length; i++) {
			bundle.addEntry()
				.setFullUrl("urn:uuid:entry-" + i)
				.setResource(patients[i])
				.getRequest()
				.setMethod(Bundle.HTTPVerb.POST)
				.setUrl("Patient");
		}
		return bundle;
	}

	private long count() {
		return this.jdbc.sql("select count(*) from patient.patient where family_name like ?")
			.param(this.family + "%")
			.query(Long.class)
			.single();
	}

}
