package org.kapclinic.fhir;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The identifiers a referring EHR gives its patients, kept with the referral (V120): read
 * back on the Patient, searchable with {@code identifier=<system>|<value>}, matched by a
 * conditional create so that the same referral sent again is the same patient, and never
 * taken by a second patient: a referral naming another person with a held identifier is
 * refused as a duplicate of its holder (not named to a user outside the holder's care
 * team), and nothing is saved.
 */
class FhirPatientIdentifierIT extends FhirIntegrationTest {

	/** A fictional referring EHR's MRN namespace (an OID under the HL7 example arc). */
	private static final String EHR = "urn:oid:2.16.840.1.113883.3.999.7";

	/** The same EHR's enterprise-wide identifier (a second namespace). */
	private static final String EHR_ENTERPRISE = "urn:oid:2.16.840.1.113883.3.999.8";

	private String family;

	private String ehrMrn;

	@BeforeEach
	void names() {
		this.family = "Idref" + letters();
		this.ehrMrn = "B-" + letters();
	}

	@Test
	void theSameReferralSentAgainIsTheSamePatient() {
		Patient sent = referral(this.family, "1977-07-07");
		MethodOutcome first = client("dr.quill").create()
			.resource(sent)
			.conditionalByUrl("Patient?identifier=" + EHR + "|" + this.ehrMrn)
			.execute();
		assertThat(first.getCreated()).isTrue();
		String id = first.getId().getIdPart();

		Patient read = client("dr.quill").read().resource(Patient.class).withId(id).execute();
		assertThat(read.getIdentifier()).extracting(Identifier::getSystem, Identifier::getValue)
			.contains(org.assertj.core.groups.Tuple.tuple(EHR, this.ehrMrn))
			.doesNotContain(org.assertj.core.groups.Tuple.tuple(EHR, this.ehrMrn + "-old"));
		assertThat(FhirValidation.errors(read)).isEmpty();
		// The chart's JSON API shows them too.
		tools.jackson.databind.JsonNode chart = this.api.get("/api/v1/patients/" + id, tokenFor("dr.quill")).json();
		assertThat(chart.get("identifiers").get(0).get("system").asString()).isEqualTo(EHR);
		assertThat(chart.get("identifiers").get(0).get("value").asString()).isEqualTo(this.ehrMrn);
		assertThat(chart.get("identifiers")).hasSize(2);

		Bundle found = client("dr.quill").search()
			.byUrl("Patient?identifier=" + EHR + "|" + this.ehrMrn)
			.returnBundle(Bundle.class)
			.execute();
		assertThat(found.getEntry()).extracting((e) -> e.getResource().getIdElement().getIdPart()).containsExactly(id);
		assertThat(client("dr.quill").search()
			.byUrl("Patient?identifier=" + EHR + "|" + this.ehrMrn + "-other")
			.returnBundle(Bundle.class)
			.execute()
			.getEntry()).isEmpty();

		// Sent again (the EHR retries): the condition finds the patient, nothing new.
		MethodOutcome again = client("dr.quill").create()
			.resource(referral(this.family, "1977-07-07"))
			.conditionalByUrl("Patient?identifier=" + EHR + "|" + this.ehrMrn)
			.execute();
		assertThat(again.getId().getIdPart()).isEqualTo(id);
		assertThat(count()).isEqualTo(1);
	}

	@Test
	void aSecondPersonCannotTakeAHeldIdentifier() {
		String holder = client("dr.quill").create()
			.resource(referral(this.family, "1966-06-06"))
			.execute()
			.getId()
			.getIdPart();
		// Another name, birth date and contacts: only the identifier is in common.
		Patient other = referral(this.family + "x", "1999-09-09");
		other.getTelecom().clear();
		assertThatThrownBy(() -> client("dr.quill").create().resource(other).execute())
			.isInstanceOfSatisfying(ResourceVersionConflictException.class, (ex) -> {
				OperationOutcome outcome = (OperationOutcome) ex.getOperationOutcome();
				// Both of its identifiers are held by the same patient: one match, not
				// two.
				assertThat(outcome.getIssue()).hasSize(1);
				assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.DUPLICATE);
				assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("Patient/" + holder,
						"same identifier from the sending system");
			});
		assertThat(count()).isEqualTo(1);
		assertThat(this.jdbc.sql("select count(*) from patient.patient where family_name = ?")
			.param(this.family + "x")
			.query(Long.class)
			.single()).isZero();

		// A therapist not on the holder's care team learns a record exists, not whose.
		assertThatThrownBy(() -> client("therapist.wren").create().resource(other).execute()).isInstanceOfSatisfying(
				ResourceVersionConflictException.class,
				(ex) -> assertThat(((OperationOutcome) ex.getOperationOutcome()).getIssueFirstRep().getDiagnostics())
					.contains("a patient outside your care teams")
					.doesNotContain(holder));
	}

	@Test
	void anIdentifierWhoseSystemIsNoUriIsABadRequest() {
		Patient sent = referral(this.family, "1980-08-08");
		sent.getIdentifierFirstRep().setSystem("clinic-b-mrn");
		assertThatThrownBy(() -> client("dr.quill").create().resource(sent).execute())
			.isInstanceOf(InvalidRequestException.class)
			.hasMessageContaining("identifier[0].system");
		assertThat(count()).isZero();
	}

	private Patient referral(String family, String birthDate) {
		Patient patient = FhirPatientCreateIT.referral(family, birthDate);
		patient.addIdentifier().setSystem(EHR).setValue(this.ehrMrn);
		patient.addIdentifier().setSystem(EHR_ENTERPRISE).setValue("E" + this.ehrMrn);
		// No longer in use at the sender: not kept, not matched.
		patient.addIdentifier().setUse(Identifier.IdentifierUse.OLD).setSystem(EHR).setValue(this.ehrMrn + "-old");
		return patient;
	}

	private long count() {
		return this.jdbc.sql("select count(*) from patient.patient where family_name = ?")
			.param(this.family)
			.query(Long.class)
			.single();
	}

}
