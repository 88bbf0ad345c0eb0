package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Request bodies of the dosing API (field names are the public contract of issue 6). */
final class DosingRequests {

	private DosingRequests() {
	}

	/** Check-in: {@code {"patientId","protocol","appointmentId"}}. */
	public record CheckIn(UUID patientId, String protocol, UUID appointmentId) {
	}

	/**
	 * Checklist items confirmed (true) or still open (false), merged into what is on
	 * file; {@code concomitant} lists drug classes taken (REMS form: BENZODIAZEPINE,
	 * NON_BENZODIAZEPINE_HYPNOTIC, PSYCHOSTIMULANT, MAOI).
	 */
	public record Checklist(Map<String, Boolean> items, List<String> concomitant) {
	}

	public record VitalsEntry(Integer systolic, Integer diastolic, Integer heartRate, Integer spo2,
			Integer respiratoryRate, Instant at) {
	}

	/** A written reason for going past a soft limit. */
	public record Override(String reason) {
	}

	/**
	 * Either {@code doseMgPerKg} or {@code doseMg}; {@code exposureAcknowledgement} when
	 * the patient's cumulative exposure raised a caution.
	 */
	public record Order(BigDecimal doseMgPerKg, BigDecimal doseMg, Override override,
			Override exposureAcknowledgement) {
	}

	/** {@code kind}: START, RATE_CHANGE, PAUSE, RESUME, STOP, ADDITIONAL or DEVICE. */
	public record AdministrationEntry(String kind, BigDecimal doseMg, UUID lotId, Instant at, BigDecimal rateMgPerHour,
			Override override) {
	}

	/**
	 * {@code kind}: SEDATION ({@code moaas}), DISSOCIATION ({@code cadssTotal}),
	 * SIDE_EFFECT / ADVERSE_EVENT ({@code effect}, {@code severity}, {@code text}),
	 * INTERVENTION ({@code drug}, {@code dose}, {@code text}), NOTE ({@code text}).
	 */
	public record EventEntry(String kind, Integer moaas, Integer cadssTotal, String effect, String severity,
			String drug, String dose, String text, Instant at) {
	}

	/**
	 * Discharge criteria attested, by code (VITALS_NEAR_BASELINE, ALERT_ORIENTED, ...).
	 */
	public record Discharge(Map<String, Boolean> criteria) {
	}

	public record Reason(String reason) {
	}

	/**
	 * A hold override: {@code {"reason","coSigner":{"username","password"}}}; a hold at
	 * the pre-dose ceiling needs the co-signer, a second clinician signing with their own
	 * credentials.
	 */
	public record HoldOverride(String reason, CoSigner coSigner) {
	}

	/** A second clinician's own username and password, typed in by that person. */
	public record CoSigner(String username, String password) {

		boolean complete() {
			return this.username != null && !this.username.isBlank() && this.password != null
					&& !this.password.isEmpty();
		}

		@java.lang.Override
		public String toString() {
			return "CoSigner[" + this.username + "]";
		}

	}

	/**
	 * The Spravato REMS Patient Monitoring Form as submitted:
	 * {@code {"submittedAt","confirmationNumber"}}.
	 */
	public record RemsFormSubmission(Instant submittedAt, String confirmationNumber) {
	}

}
