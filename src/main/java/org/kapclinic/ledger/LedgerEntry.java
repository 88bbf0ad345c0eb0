package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * One line of a lot's ledger.
 *
 * @param lotSeq the line number within the lot (1, 2, …)
 * @param quantityMg the signed change: + receipt, − draw and waste, either sign for
 * adjustments and corrections
 * @param balanceAfterMg the lot's running balance after this line
 * @param occurredAt when the stock moved (an administration's own time); a correction
 * takes the time of the entry it corrects
 * @param correctsEntryId the entry this one corrects, for a correction
 * @param correctedByEntryId the correction of this entry, if there is one
 * @param discrepancyId the discrepancy an adjustment resolves
 */
record LedgerEntry(UUID id, UUID lotId, int lotSeq, EntryKind kind, BigDecimal quantityMg, BigDecimal balanceAfterMg,
		Instant occurredAt, Instant recordedAt, String recordedBy, String witness, UUID dosingSessionId, UUID patientId,
		UUID correctsEntryId, UUID correctedByEntryId, UUID discrepancyId, String reason) {

	/** What moved the stock. */
	public enum EntryKind {

		RECEIPT("Received"), DRAW("Drawn for a dose"), WASTE("Wasted (witnessed)"), ADJUSTMENT("Count adjustment"),
		CORRECTION("Correction");

		private final String label;

		EntryKind(String label) {
			this.label = label;
		}

		/** What staff read (the API and the ledger keep the code). */
		public String label() {
			return this.label;
		}

	}

}
