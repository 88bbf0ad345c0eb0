package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.Observation;
import org.kapclinic.dosing.RecordedVitals;
import org.kapclinic.dosing.VitalSigns;
import org.kapclinic.measures.Measurement;
import org.kapclinic.measures.MeasurementQuery;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * Every Observation of one patient (instrument totals, dosing-session vital signs, body
 * weight and height), oldest first: for {@code $export} and
 * {@code Patient?_revinclude=Observation:patient}. Each source applies the chart's
 * clinical access rule and audits the read.
 */
@Component
class PatientObservations {

	/** Every record of a patient: no search paging here. */
	private static final int ALL = Integer.MAX_VALUE;

	private final Measures measures;

	private final ObservationResources observations;

	private final VitalSigns vitals;

	private final VitalsResources vitalsResources;

	private final Patients patients;

	PatientObservations(Measures measures, ObservationResources observations, VitalSigns vitals,
			VitalsResources vitalsResources, Patients patients) {
		this.measures = measures;
		this.observations = observations;
		this.vitals = vitals;
		this.vitalsResources = vitalsResources;
		this.patients = patients;
	}

	List<Observation> all(UUID patientId) {
		return all(patientId,
				this.measures.search(new MeasurementQuery(patientId, List.of(), null, null, false, 0, ALL)),
				this.vitals.search(patientId, null, null, false, 0, ALL));
	}

	/** The same, with the patient's scores already read. */
	List<Observation> all(UUID patientId, List<Measurement> measurements, List<RecordedVitals> sessionVitals) {
		List<Observation> all = new ArrayList<>();
		EnumSet<VitalsResources.Sign> signs = EnumSet.allOf(VitalsResources.Sign.class);
		measurements.forEach((m) -> all.add(this.observations.toFhir(m)));
		sessionVitals.forEach((set) -> all.addAll(this.vitalsResources.toFhir(set, signs)));
		this.patients.bodyMeasurements(patientId, null, null)
			.forEach((m) -> all.addAll(this.vitalsResources.toFhir(m, signs)));
		return all;
	}

}
