package org.kapclinic.fhir;

import java.util.List;

import org.kapclinic.dosing.DrugsGiven;
import org.kapclinic.dosing.SessionReads;
import org.kapclinic.measures.MeasurementQuery;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.intake.SignedConsents;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointments;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * What {@code $export} writes about each patient besides the Patient itself, one source
 * per resource type; a new patient-compartment type joins the export with one bean here.
 */
@Configuration(proxyBeanMethods = false)
class ExportSources {

	/** Every record of a patient: no search paging in an export. */
	private static final int ALL = Integer.MAX_VALUE;

	@Bean
	ExportSource observationExport(PatientObservations observations) {
		return source("Observation", observations::all);
	}

	@Bean
	ExportSource careTeamExport(Patients patients) {
		return source("CareTeam", (patientId) -> {
			org.hl7.fhir.r4.model.CareTeam team = CareTeamProvider.toFhir(patientId, patients.careTeam(patientId));
			return (team == null) ? List.of() : List.of(team);
		});
	}

	@Bean
	ExportSource relatedPersonExport(Patients patients) {
		return source("RelatedPerson",
				(patientId) -> patients.contacts(patientId)
					.stream()
					.map((c) -> RelatedPersonProvider.toFhir(patientId, c))
					.toList());
	}

	@Bean
	ExportSource conditionExport(RecordedDiagnoses diagnoses) {
		return source("Condition",
				(patientId) -> diagnoses.ofPatient(patientId).stream().map(ConditionProvider::toFhir).toList());
	}

	@Bean
	ExportSource consentExport(SignedConsents consents) {
		return source("Consent",
				(patientId) -> consents.ofPatient(patientId).stream().map(ConsentResources::toFhir).toList());
	}

	@Bean
	ExportSource documentReferenceExport(PatientDocuments documents) {
		return source("DocumentReference", documents::forPatient);
	}

	@Bean
	ExportSource appointmentExport(Appointments appointments, AppointmentResources resources) {
		return source("Appointment", (patientId) -> resources.toFhir(appointments.forPatient(patientId)));
	}

	@Bean
	ExportSource questionnaireResponseExport(Measures measures, QuestionnaireResponses responses) {
		return source("QuestionnaireResponse",
				(patientId) -> measures.search(new MeasurementQuery(patientId, List.of(), null, null, false, 0, ALL))
					.stream()
					.map(responses::toFhir)
					.toList());
	}

	@Bean
	ExportSource encounterExport(SessionReads sessions) {
		return source("Encounter",
				(patientId) -> sessions.forPatient(patientId).stream().map(EncounterProvider::toFhir).toList());
	}

	@Bean
	ExportSource medicationAdministrationExport(DrugsGiven drugs, MedicationAdministrationProvider provider) {
		return source("MedicationAdministration",
				(patientId) -> drugs.search(patientId, null, null, 0, ALL).stream().map(provider::toFhir).toList());
	}

	/** Who recorded each score and each administration of the patient. */
	@Bean
	ExportSource provenanceExport(Measures measures, DrugsGiven drugs, ProvenanceResources resources) {
		return source("Provenance", (patientId) -> {
			List<org.hl7.fhir.r4.model.Provenance> all = new java.util.ArrayList<>();
			measures.search(new MeasurementQuery(patientId, List.of(), null, null, false, 0, ALL))
				.forEach((m) -> all.add(resources.toFhir(m)));
			drugs.search(patientId, null, null, 0, ALL).forEach((d) -> all.add(resources.toFhir(d)));
			return all;
		});
	}

	private static ExportSource source(String type,
			java.util.function.Function<java.util.UUID, List<? extends org.hl7.fhir.r4.model.DomainResource>> read) {
		return new ExportSource() {
			@Override
			public String type() {
				return type;
			}

			@Override
			public List<? extends org.hl7.fhir.r4.model.DomainResource> forPatient(java.util.UUID patientId) {
				return read.apply(patientId);
			}
		};
	}

}
