package org.kapclinic.fhir;

import java.util.List;
import java.util.UUID;

import org.kapclinic.dosing.DrugGiven;
import org.kapclinic.dosing.DrugsGiven;
import org.kapclinic.dosing.RecordedVitals;
import org.kapclinic.dosing.VitalSigns;
import org.kapclinic.measures.Measurement;
import org.kapclinic.measures.MeasurementQuery;
import org.kapclinic.measures.Measures;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.springframework.stereotype.Component;

/**
 * The reads several export sources share, made once per patient: the scores (Observation,
 * QuestionnaireResponse and Provenance are all made of them), the drugs given
 * (MedicationAdministration and Provenance), the session vital signs (Observation and
 * Provenance) and the appointments (Appointment and Provenance). Each is still a module
 * read with its access rule and audit, one instead of three.
 */
@Component
class ExportReads {

	/** Every record of a patient: no search paging in an export. */
	private static final int ALL = Integer.MAX_VALUE;

	private final Measures measures;

	private final DrugsGiven drugs;

	private final VitalSigns vitals;

	private final Appointments appointments;

	ExportReads(Measures measures, DrugsGiven drugs, VitalSigns vitals, Appointments appointments) {
		this.measures = measures;
		this.drugs = drugs;
		this.vitals = vitals;
		this.appointments = appointments;
	}

	/** One patient's shared reads, each made when a source first asks for it. */
	OfPatient of(UUID patientId) {
		return new OfPatient(patientId);
	}

	final class OfPatient {

		private final UUID patientId;

		private List<Measurement> measurements;

		private List<DrugGiven> given;

		private List<RecordedVitals> vitalSigns;

		private List<Appointment> booked;

		private OfPatient(UUID patientId) {
			this.patientId = patientId;
		}

		UUID patientId() {
			return this.patientId;
		}

		List<Measurement> measurements() {
			if (this.measurements == null) {
				this.measurements = ExportReads.this.measures
					.search(new MeasurementQuery(this.patientId, List.of(), null, null, false, 0, ALL));
			}
			return this.measurements;
		}

		List<DrugGiven> drugsGiven() {
			if (this.given == null) {
				this.given = ExportReads.this.drugs.search(this.patientId, null, null, 0, ALL);
			}
			return this.given;
		}

		List<RecordedVitals> vitals() {
			if (this.vitalSigns == null) {
				this.vitalSigns = ExportReads.this.vitals.search(this.patientId, null, null, false, 0, ALL);
			}
			return this.vitalSigns;
		}

		List<Appointment> appointments() {
			if (this.booked == null) {
				this.booked = ExportReads.this.appointments.forPatient(this.patientId);
			}
			return this.booked;
		}

	}

}
