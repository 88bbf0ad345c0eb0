package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.LocalDate;

/** What staff send to record the facts behind the misuse signals (issue 19). */
final class MisuseRecordRequests {

	private MisuseRecordRequests() {
	}

	/**
	 * A PDMP check done by staff.
	 *
	 * @param state the two-letter state whose PDMP was checked
	 * @param result NO_CONCERN, CONCERN or UNAVAILABLE
	 */
	record PdmpCheckRequest(LocalDate checkedOn, String state, String result, String note) {
	}

	/**
	 * A request by the patient against the plan.
	 *
	 * @param kind EARLY_SESSION or DOSE_ESCALATION
	 */
	record PatientRequestRequest(String kind, LocalDate requestedOn, String note) {
	}

	/**
	 * A take-home sublingual supply prescribed.
	 *
	 * @param unit what the quantity counts, e.g. "troches" or "mg"
	 */
	record TakeHomeSupplyRequest(String product, String unit, BigDecimal quantityPrescribed, LocalDate prescribedOn) {
	}

	/** What the patient reported using, and returned, of a supply. */
	record TakeHomeReportRequest(BigDecimal quantityUsed, BigDecimal quantityReturned, LocalDate reportedOn) {
	}

}
