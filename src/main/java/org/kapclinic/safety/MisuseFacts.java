package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** The facts staff record behind the misuse signals, as the API returns them. */
public final class MisuseFacts {

	private MisuseFacts() {
	}

	/** A PDMP check: when, which state's, what it showed, and who checked. */
	public record PdmpCheck(UUID id, LocalDate checkedOn, String state, PdmpResult result, String resultLabel,
			String note, Instant recordedAt, UUID recordedBy, String recordedByName) {
	}

	/** A request by the patient against the plan, and who heard it. */
	public record PatientRequest(UUID id, PatientRequestKind kind, String kindLabel, LocalDate requestedOn, String note,
			Instant recordedAt, UUID recordedBy, String recordedByName) {
	}

	/**
	 * A take-home sublingual supply and what the patient reported of it.
	 *
	 * @param unaccounted prescribed minus used minus returned once reported (negative:
	 * more reported used than prescribed); null before the report
	 */
	public record TakeHomeSupply(UUID id, String product, String unit, BigDecimal quantityPrescribed,
			LocalDate prescribedOn, BigDecimal quantityUsed, BigDecimal quantityReturned, LocalDate reportedOn,
			BigDecimal unaccounted) {

		public boolean discrepant() {
			return this.unaccounted != null && this.unaccounted.signum() != 0;
		}

	}

}
