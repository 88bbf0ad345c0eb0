package org.kapclinic.shared;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Patients by name or MRN, and their labels, for administrators' reports in modules the
 * patient module depends on (the audit report: ONC 170.315(d)(2)/(3) asks to find a
 * patient's entries by who they are, not by a database id). Implemented by the patient
 * module; no access check of its own: callers are administrators' pages.
 */
public interface PatientLookup {

	/**
	 * Patients whose MRN is this, or whose name contains these words; at most
	 * {@code limit}.
	 */
	List<UUID> matching(String nameOrMrn, int limit);

	/** "Given Family (MRN)" for each patient found. */
	Map<UUID, String> labels(Collection<UUID> patientIds);

}
