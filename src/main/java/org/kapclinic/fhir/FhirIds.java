package org.kapclinic.fhir;

import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IIdType;

/** Our resource ids are UUIDs; any other id names nothing here (404, not 400). */
final class FhirIds {

	private FhirIds() {
	}

	static UUID uuid(IIdType id) {
		return uuid(id.getIdPart(), id);
	}

	/**
	 * The patient a search's {@code patient} parameter names ({@code 123} or
	 * {@code Patient/123}).
	 */
	static UUID patient(ca.uhn.fhir.rest.param.ReferenceParam patient) {
		if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
			throw new ca.uhn.fhir.rest.server.exceptions.InvalidRequestException("patient must reference a Patient");
		}
		return uuid(patient.getIdPart(), patient.getValue());
	}

	static UUID uuid(String idPart, Object shown) {
		try {
			return UUID.fromString(idPart);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new ResourceNotFoundException("No resource " + shown);
		}
	}

}
