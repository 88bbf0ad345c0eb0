package org.kapclinic.fhir;

import java.util.List;

import org.hl7.fhir.r4.model.DomainResource;

/**
 * The resources of one type this server holds about a patient, for {@code $export}: each
 * read through its module's API, so the exporter's access rule and the audit apply as to
 * any FHIR read.
 */
interface ExportSource {

	/** The FHIR resource type, e.g. {@code Observation}. */
	String type();

	/** The patient's resources of this type, from the patient's shared reads. */
	List<? extends DomainResource> forPatient(ExportReads.OfPatient patient);

}
