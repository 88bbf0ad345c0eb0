package org.kapclinic.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Provenance;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.dosing.DrugGiven;
import org.kapclinic.dosing.RecordedVitals;
import org.kapclinic.dosing.Vitals;
import org.kapclinic.identity.Clinicians;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.measures.Measurement;
import org.kapclinic.scheduling.Appointment;
import org.springframework.stereotype.Component;

/**
 * Who wrote what we serve from clinical records, as US Core Provenance
 * (http://hl7.org/fhir/us/core/StructureDefinition/us-core-provenance): one per scored
 * administration (targets: its Observation and its QuestionnaireResponse), one per
 * MedicationAdministration, one per set of vital signs taken in a dosing session
 * (targets: the set's Observations) and one per Appointment (who booked it, when). The
 * author ({@code agent.type} author, from provenance-participant-type) is the staff
 * member who recorded it, a {@code Practitioner} when they are a clinician; a score the
 * patient entered themselves names the {@code Patient}. US Core asks for
 * {@code onBehalfOf} when the author is a Practitioner: the clinic.
 */
@Component
class ProvenanceResources {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-provenance";

	static final String PARTICIPANT_TYPE = "http://terminology.hl7.org/CodeSystem/provenance-participant-type";

	/** Id prefix of a scored administration's provenance. */
	static final String MEASUREMENT = "measurement-";

	/** Id prefix of a MedicationAdministration's provenance. */
	static final String ADMINISTRATION = "administration-";

	/** Id prefix of the provenance of a set of vital signs. */
	static final String VITALS = "vitals-";

	/** Id prefix of an Appointment's provenance. */
	static final String APPOINTMENT = "appointment-";

	private final UserDirectory staff;

	ProvenanceResources(UserDirectory staff) {
		this.staff = staff;
	}

	Provenance toFhir(Measurement m) {
		Provenance provenance = provenance(MEASUREMENT + m.id(), m.recordedAt(), m.administeredAt(),
				List.of("Observation/" + m.id(), "QuestionnaireResponse/" + m.id()));
		author(provenance, m.recordedBy(), m.patientId());
		return provenance;
	}

	Provenance toFhir(DrugGiven given) {
		Provenance provenance = provenance(ADMINISTRATION + given.id(), given.recordedAt(), given.at(),
				List.of("MedicationAdministration/" + given.id()));
		author(provenance, given.recordedBy(), given.patientId());
		return provenance;
	}

	Provenance toFhir(RecordedVitals recorded) {
		Vitals v = recorded.vitals();
		Provenance provenance = provenance(VITALS + v.id(), v.recordedAt(), v.at(),
				VitalsResources.observationIds(recorded).stream().map((id) -> "Observation/" + id).toList());
		author(provenance, v.recordedBy(), recorded.patientId());
		return provenance;
	}

	/**
	 * Booking is the activity: recorded and occurred are both the time it was put on the
	 * calendar. An imported appointment names no one, so the clinic is its author.
	 */
	Provenance toFhir(Appointment appointment) {
		Provenance provenance = provenance(APPOINTMENT + appointment.id(), appointment.bookedAt(),
				appointment.bookedAt(), List.of("Appointment/" + appointment.id()));
		if (appointment.bookedBy() == null) {
			provenance.addAgent()
				.setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "author", "Author")))
				.setWho(new Reference().setDisplay("KAP Clinic (imported record)"));
			return provenance;
		}
		author(provenance, appointment.bookedBy(), appointment.patientId());
		return provenance;
	}

	private static Provenance provenance(String id, Instant recorded, Instant occurred, List<String> targets) {
		Provenance provenance = new Provenance();
		provenance.setId(id);
		provenance.getMeta().addProfile(PROFILE);
		targets.forEach((target) -> provenance.addTarget(new Reference(target)));
		provenance.setRecorded(Date.from(recorded));
		provenance.setOccurred(new org.hl7.fhir.r4.model.DateTimeType(Date.from(occurred)));
		return provenance;
	}

	private void author(Provenance provenance, UUID recordedBy, UUID patientId) {
		Provenance.ProvenanceAgentComponent agent = provenance.addAgent()
			.setType(new CodeableConcept(new Coding(PARTICIPANT_TYPE, "author", "Author")));
		if (recordedBy == null) {
			agent.setWho(new Reference("Patient/" + patientId).setDisplay("the patient (self-report)"));
			return;
		}
		StaffMember member = this.staff.find(recordedBy).orElse(null);
		boolean clinician = member != null && member.roles().stream().anyMatch(Clinicians.CLINICAL_ROLES::contains);
		Reference who = clinician ? new Reference("Practitioner/" + recordedBy) : new Reference();
		who.setDisplay((member != null) ? member.displayName() : "KAP Clinic staff member");
		agent.setWho(who);
		agent.setOnBehalfOf(new Reference().setDisplay("KAP Clinic"));
	}

}
