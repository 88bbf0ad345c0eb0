package org.kapclinic.fhir;

import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.kapclinic.patient.DuplicateMatch;
import org.kapclinic.patient.PossibleDuplicateException;

/**
 * A registration that may be a patient already on file, as FHIR's answer: 409 with an
 * OperationOutcome whose issues (code {@code duplicate}, FHIR R4 IssueType) name each
 * existing {@code Patient/{id}} and what it has in common. A match outside the caller's
 * care teams is not named (the patient module withholds its identity), only that it
 * exists.
 */
final class DuplicatePatients {

	private DuplicatePatients() {
	}

	/**
	 * @param where the request part the registration came from ("" for a single create,
	 * "Bundle.entry[2] " in a transaction)
	 * @param earlierEntries patients created earlier in the same transaction, by id, with
	 * the entry they came from (they are rolled back, so they are named by entry)
	 */
	static ResourceVersionConflictException conflict(PossibleDuplicateException ex, String where,
			Map<UUID, String> earlierEntries) {
		OperationOutcome outcome = new OperationOutcome();
		StringBuilder message = new StringBuilder(where).append("may be a patient already registered:");
		for (DuplicateMatch match : ex.matches()) {
			String existing;
			if (match.id() == null) {
				existing = "a patient outside your care teams";
			}
			else if (earlierEntries.containsKey(match.id())) {
				existing = earlierEntries.get(match.id()) + " of this transaction";
			}
			else {
				existing = "Patient/" + match.id();
			}
			String text = where + "may be " + existing + " (" + match.reasons() + ")";
			outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(OperationOutcome.IssueType.DUPLICATE)
				.setDiagnostics(text);
			message.append(' ').append(existing).append(';');
		}
		message.append(" nothing was registered");
		return new ResourceVersionConflictException(message.toString(), outcome);
	}

}
