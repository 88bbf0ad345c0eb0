package org.kapclinic.fhir;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.PreconditionFailedException;
import org.hl7.fhir.r4.model.Patient;
import org.kapclinic.patient.ExternalIdentifier;
import org.kapclinic.patient.PatientCriteria;
import org.kapclinic.patient.Patients;
import org.kapclinic.patient.PossibleDuplicateException;
import org.kapclinic.patient.RegisteredPatient;
import org.springframework.stereotype.Component;

/**
 * Patients other systems send (referrals), registered through the patient module's own
 * path: the JSON API's validation and rules, its duplicate check, access rule and audit.
 * Conditional create (FHIR R4 §3.1.0.8, {@code If-None-Exist}) is answered for
 * {@code identifier}: our MRN, or another system's identifier kept from an earlier
 * referral, finds the patient it names (if the caller may see them); otherwise the
 * registration goes on to the duplicate check, and keeps the identifiers the resource
 * carries.
 */
@Component
class PatientReferrals {

	private final Patients patients;

	private final FhirSettings settings;

	PatientReferrals(Patients patients, FhirSettings settings) {
		this.patients = patients;
		this.settings = settings;
	}

	/** What a create did: registered a patient, or found the one the condition names. */
	record Outcome(RegisteredPatient patient, boolean created) {
	}

	/**
	 * @param ifNoneExist the condition ({@code identifier=system|value}), or null
	 * @param where the request part, for messages ("" or "Bundle.entry[1] ")
	 * @param earlierEntries patients created earlier in the same transaction
	 */
	Outcome create(Patient resource, String ifNoneExist, String where, Map<UUID, String> earlierEntries) {
		if (ifNoneExist != null && !ifNoneExist.isBlank()) {
			Optional<RegisteredPatient> existing = existing(ifNoneExist, where);
			if (existing.isPresent()) {
				return new Outcome(existing.get(), false);
			}
		}
		try {
			return new Outcome(this.patients.registerReferral(ReceivedPatients.details(resource),
					ReceivedPatients.identifiers(resource, this.settings.mrnSystem())), true);
		}
		catch (PossibleDuplicateException ex) {
			throw DuplicatePatients.conflict(ex, where, earlierEntries);
		}
	}

	private Optional<RegisteredPatient> existing(String condition, String where) {
		String query = condition.substring(condition.indexOf('?') + 1);
		String identifier = null;
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			if (!"identifier".equals(name) || equals < 0 || identifier != null) {
				throw new InvalidRequestException(where + "If-None-Exist: this server matches on one "
						+ "identifier=<system>|<value> only (got '" + condition + "')");
			}
			identifier = URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
		}
		int bar = (identifier == null) ? -1 : identifier.indexOf('|');
		String system = (bar < 0) ? null : identifier.substring(0, bar);
		String value = (bar < 0) ? identifier : identifier.substring(bar + 1);
		if (value == null || value.isBlank()) {
			throw new InvalidRequestException(where + "If-None-Exist: the identifier has no value");
		}
		boolean ours = system == null || system.isEmpty() || system.equals(this.settings.mrnSystem());
		PatientCriteria criteria = ours ? new PatientCriteria(null, null, null, null, null, value)
				: new PatientCriteria(null, null, null, null, null, null, new ExternalIdentifier(system, value));
		List<RegisteredPatient> found = this.patients.search(criteria, 0, 2);
		if (found.size() > 1) {
			throw new PreconditionFailedException(where + "If-None-Exist matches more than one patient");
		}
		return found.stream().findFirst();
	}

}
