package org.kapclinic.fhir;

import java.util.List;
import java.util.Map;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * AuditEvent: the audit trail for administrators only (a staff token without ADMIN, and a
 * backend service holding only {@code system/*.rs}, are refused), each entry a valid R4
 * AuditEvent naming the actor and the patient, and reading it is itself audited.
 */
class FhirAuditEventIT extends FhirIntegrationTest {

	private String patientId;

	@BeforeEach
	void aPatientDrQuillLookedAt() {
		this.patientId = registeredPatient("Audra", "Trailwell", "1979-05-02", "FEMALE");
		client("dr.quill").read().resource(Patient.class).withId(this.patientId).execute();
	}

	private Bundle search(IGenericClient client) {
		return client.search()
			.forResource(AuditEvent.class)
			.where(AuditEvent.PATIENT.hasId(this.patientId))
			.returnBundle(Bundle.class)
			.execute();
	}

	@Test
	void anAdministratorReadsThePatientsTrailAsValidAuditEvents() {
		IGenericClient admin = client("admin");
		Bundle found = search(admin);
		assertThat(found.getEntry()).isNotEmpty();
		List<AuditEvent> events = found.getEntry().stream().map((e) -> (AuditEvent) e.getResource()).toList();
		for (AuditEvent event : events) {
			assertThat(FhirValidation.errors(event)).as(event.getIdPart()).isEmpty();
			assertThat(event.getSource().getObserver().getDisplay()).isEqualTo("KAP Clinic");
			assertThat(event.getAgentFirstRep().getRequestor()).isTrue();
			assertThat(event.getEntity()).anySatisfy(
					(entity) -> assertThat(entity.getWhat().getReference()).isEqualTo("Patient/" + this.patientId));
		}
		assertThat(events).anySatisfy((event) -> {
			assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
			assertThat(event.getAgentFirstRep().getWho().getDisplay()).isEqualTo("dr.quill");
		});
		assertThat(events)
			.anySatisfy((event) -> assertThat(event.getAction()).isEqualTo(AuditEvent.AuditEventAction.R));

		AuditEvent one = admin.read().resource(AuditEvent.class).withId(events.get(0).getIdPart()).execute();
		assertThat(one.getRecorded()).isEqualTo(events.get(0).getRecorded());
		assertThat(FhirValidation.errors(one)).isEmpty();

		Bundle byActor = admin.search()
			.forResource(AuditEvent.class)
			.where(AuditEvent.PATIENT.hasId(this.patientId))
			.and(AuditEvent.AGENT_NAME.matches().value("dr.quill"))
			.returnBundle(Bundle.class)
			.execute();
		assertThat(byActor.getEntry()).isNotEmpty()
			.allSatisfy((e) -> assertThat(((AuditEvent) e.getResource()).getAgentFirstRep().getWho().getDisplay())
				.isEqualTo("dr.quill"));
		assertThat(this.jdbc
			.sql("select count(*) from audit.entry where resource_type = 'AuditTrail'"
					+ " and action = 'QUERY' and patient_id = ?::uuid and actor_name = 'admin'")
			.param(this.patientId)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(2);
	}

	@Test
	void aSearchNamesAPatientOrADateRange() {
		IGenericClient admin = client("admin");
		assertThatThrownBy(() -> admin.search().forResource(AuditEvent.class).returnBundle(Bundle.class).execute())
			.isInstanceOf(InvalidRequestException.class);
		Bundle today = admin.search()
			.forResource(AuditEvent.class)
			.where(AuditEvent.DATE.afterOrEquals().day(new java.util.Date()))
			.count(5)
			.returnBundle(Bundle.class)
			.execute();
		assertThat(today.getEntry()).hasSize(5);
		assertThat(today.getLink(Bundle.LINK_NEXT)).isNotNull();
	}

	@Test
	void staffWithoutAdminAreRefused() {
		for (String user : List.of("dr.quill", "therapist.cove", "nurse.bell")) {
			assertThatThrownBy(() -> search(client(user))).as(user).isInstanceOf(ForbiddenOperationException.class);
		}
	}

	@Test
	void aBackendServiceNeedsAScopeThatNamesAuditEvent() throws Exception {
		String admin = tokenFor("admin");
		String wildcard = SmartClientFixture.accessToken(this.api, this.port, admin, List.of("system/*.rs"));
		assertThatThrownBy(() -> search(clientWithToken(wildcard))).isInstanceOf(ForbiddenOperationException.class);
		String named = SmartClientFixture.accessToken(this.api, this.port, admin, List.of("system/AuditEvent.rs"));
		assertThat(search(clientWithToken(named)).getEntry()).isNotEmpty();
		String patientsOnly = SmartClientFixture.accessToken(this.api, this.port, admin,
				List.of("system/*.rs", "system/AuditEvent.s"));
		assertThat(search(clientWithToken(patientsOnly)).getEntry()).isNotEmpty();
		assertThatThrownBy(() -> clientWithToken(patientsOnly).read().resource(AuditEvent.class).withId("1").execute())
			.isInstanceOf(ForbiddenOperationException.class);
	}

}
