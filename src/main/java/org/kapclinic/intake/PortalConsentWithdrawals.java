package org.kapclinic.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Consents withdrawn by the patient or their guardian in the portal (issue 21). */
@Service
@Transactional
class PortalConsentWithdrawals {

	private final ConsentService consents;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	PortalConsentWithdrawals(ConsentService consents, JdbcClient jdbc, AuditTrail audit,
			ApplicationEventPublisher events, Clock clock) {
		this.consents = consents;
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
	}

	/**
	 * The patient, or the guardian who signed it, withdraws a consent in the portal
	 * (issue 21): only their own active signature of a document the clinic lets patients
	 * withdraw ({@code kap.intake.portal-withdrawable}); anything else is not found. The
	 * care team hears of it through {@link ConsentWithdrawn}; a withdrawn treatment
	 * consent stops the next dose as any missing consent does.
	 */
	ConsentSignature withdrawInPortal(UUID patientId, UUID signatureId, SignerRole signer, String reason,
			List<String> withdrawable) {
		ConsentSignature signature = this.consents.find(signatureId)
			.filter((s) -> s.patientId().equals(patientId) && s.signerRole() == signer && s.active()
					&& withdrawable.contains(s.document()))
			.orElseThrow(() -> new NotFoundException("ConsentSignature", signatureId));
		String why = (reason == null) ? "" : reason.strip();
		if (why.isEmpty() || why.length() > 500) {
			throw InvalidInputException.of("reason", "say in a few words why you withdraw it (at most 500 characters)");
		}
		this.jdbc.sql("""
				update intake.consent_signature set withdrawn_at = ?, withdrawn_by = null, withdrawal_reason = ?
				where id = ? and withdrawn_at is null""")
			.params(Timestamp.from(Instant.now(this.clock)), why, signatureId)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "ConsentSignature", signatureId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("withdrawn in the portal by the " + signer.label().toLowerCase(java.util.Locale.ROOT) + ": " + why)
			.actor(org.kapclinic.patient.PatientLinks.PATIENT_ACTOR));
		this.events.publishEvent(new ConsentWithdrawn(patientId, signatureId, signature.document(),
				this.consents.title(signature), why, true));
		return this.consents.find(signatureId).orElseThrow();
	}

}
