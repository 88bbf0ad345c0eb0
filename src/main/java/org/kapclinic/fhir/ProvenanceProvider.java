package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Provenance;
import org.kapclinic.dosing.DrugsGiven;
import org.kapclinic.dosing.RecordedVitals;
import org.kapclinic.dosing.VitalSigns;
import org.kapclinic.measures.MeasurementQuery;
import org.kapclinic.measures.Measures;
import org.kapclinic.scheduling.Appointments;
import org.springframework.stereotype.Component;

/**
 * {@code Provenance/{id}}, {@code Provenance?target=} and {@code Provenance?patient=}
 * ({@link ProvenanceResources}): read through the same module reads as their targets, so
 * the care-team rule and the audit apply; a patient's newest first.
 */
@Component
class ProvenanceProvider implements IResourceProvider {

	private final Measures measures;

	private final DrugsGiven drugs;

	private final VitalSigns vitals;

	private final Appointments appointments;

	private final ProvenanceResources resources;

	private final FhirSettings settings;

	ProvenanceProvider(Measures measures, DrugsGiven drugs, VitalSigns vitals, Appointments appointments,
			ProvenanceResources resources, FhirSettings settings) {
		this.measures = measures;
		this.drugs = drugs;
		this.vitals = vitals;
		this.appointments = appointments;
		this.resources = resources;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Provenance.class;
	}

	@Read
	public Provenance read(@IdParam IdType id) {
		String idPart = (id.getIdPart() != null) ? id.getIdPart() : "";
		if (idPart.startsWith(ProvenanceResources.MEASUREMENT)) {
			UUID measurement = FhirIds.uuid(idPart.substring(ProvenanceResources.MEASUREMENT.length()), id);
			return this.resources.toFhir(this.measures.measurement(measurement));
		}
		if (idPart.startsWith(ProvenanceResources.ADMINISTRATION)) {
			UUID given = FhirIds.uuid(idPart.substring(ProvenanceResources.ADMINISTRATION.length()), id);
			return this.resources.toFhir(this.drugs.find(given));
		}
		if (idPart.startsWith(ProvenanceResources.VITALS)) {
			UUID set = FhirIds.uuid(idPart.substring(ProvenanceResources.VITALS.length()), id);
			return this.resources.toFhir(this.vitals.find(set));
		}
		if (idPart.startsWith(ProvenanceResources.APPOINTMENT)) {
			UUID appointment = FhirIds.uuid(idPart.substring(ProvenanceResources.APPOINTMENT.length()), id);
			return this.resources.toFhir(this.appointments.read(appointment));
		}
		throw new ResourceNotFoundException("No resource " + id.getValue());
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Provenance.SP_TARGET) ReferenceParam target,
			@OptionalParam(name = Provenance.SP_PATIENT) ReferenceParam patient, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		if (target != null) {
			return OffsetPage.of((from > 0) ? List.of() : ofTarget(target), from, size);
		}
		if (patient == null) {
			throw new InvalidRequestException("Provenance searches name a target or a patient");
		}
		UUID patientId = FhirIds.patient(patient);
		int window = from + size + 1;
		List<Provenance> found = new ArrayList<>();
		this.measures.search(new MeasurementQuery(patientId, List.of(), null, null, true, 0, window))
			.forEach((m) -> found.add(this.resources.toFhir(m)));
		this.drugs.search(patientId, null, null, 0, window).forEach((d) -> found.add(this.resources.toFhir(d)));
		this.vitals.search(patientId, null, null, true, 0, window).forEach((v) -> found.add(this.resources.toFhir(v)));
		this.appointments.forPatient(patientId).forEach((a) -> found.add(this.resources.toFhir(a)));
		found.sort(Comparator.comparing((Provenance p) -> p.getOccurredDateTimeType().getValue())
			.thenComparing(Provenance::getIdPart)
			.reversed());
		return OffsetPage.of(found.subList(Math.min(from, found.size()), Math.min(window, found.size())), from, size);
	}

	/**
	 * The provenance of one target: a score's Observation or QuestionnaireResponse, a
	 * session's vital-sign Observation, a MedicationAdministration or an Appointment;
	 * nothing for other types or ids (body weight and height, for one, carry none here).
	 */
	private List<Provenance> ofTarget(ReferenceParam target) {
		String type = target.getResourceType();
		UUID vitalsSet = "Observation".equals(type) ? VitalsResources.sessionSetOf(target.getIdPart()) : null;
		if (vitalsSet != null) {
			// Only a sign that was taken is a target (a set without SpO2 has no -spo2).
			RecordedVitals set = this.vitals.find(vitalsSet);
			return VitalsResources.observationIds(set).contains(target.getIdPart())
					? List.of(this.resources.toFhir(set)) : List.of();
		}
		UUID id;
		try {
			id = UUID.fromString(target.getIdPart());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return List.of();
		}
		if ("Observation".equals(type) || "QuestionnaireResponse".equals(type)) {
			return List.of(this.resources.toFhir(this.measures.measurement(id)));
		}
		if ("MedicationAdministration".equals(type)) {
			return List.of(this.resources.toFhir(this.drugs.find(id)));
		}
		if ("Appointment".equals(type)) {
			return List.of(this.resources.toFhir(this.appointments.read(id)));
		}
		if (type == null) {
			throw new InvalidRequestException("target names its type (target=Observation/{id})");
		}
		return List.of();
	}

}
