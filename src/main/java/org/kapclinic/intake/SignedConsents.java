package org.kapclinic.intake;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's consent signatures as other systems read them (FHIR Consent), under the
 * chart's clinical access rule and audited as {@link ConsentService#signatures} is. Only
 * what a consent record says leaves: which document and version was signed, by whom,
 * when, whether it was withdrawn, and for a release of information its recipient, expiry
 * and content categories. The signer's network address, drawn signature, free-text scope
 * and withdrawal reason stay in the clinic.
 */
@Service
@Transactional(readOnly = true)
public class SignedConsents {

	private final ConsentService consents;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	SignedConsents(ConsentService consents, CareTeamAccess access, AuditTrail audit) {
		this.consents = consents;
		this.access = access;
		this.audit = audit;
	}

	/**
	 * One signature on one version of a consent document.
	 *
	 * @param document the document code ({@link ConsentDocuments#CODES})
	 * @param title the signed version's title
	 * @param documentSha256 the SHA-256 (hex) of the exact text signed
	 * @param signedByGuardian a guardian signed for a minor (otherwise the patient)
	 * @param withdrawnAt when the patient withdrew it (null while active)
	 * @param recipientName a release of information's recipient (null otherwise)
	 * @param expiresOn a release of information's expiry (null otherwise or unreadable)
	 * @param content a release of information's content categories
	 * ({@link ReleasesOfInformation#CONTENT})
	 */
	public record SignedConsent(UUID id, UUID patientId, String document, int version, String title,
			String documentSha256, String signerName, boolean signedByGuardian, Instant signedAt, Instant withdrawnAt,
			String recipientName, LocalDate expiresOn, List<String> content) {

		public boolean active() {
			return this.withdrawnAt == null;
		}

		/** A release of information (HIPAA authorization, 45 CFR 164.508). */
		public boolean releaseOfInformation() {
			return ConsentService.RELEASE.equals(this.document);
		}

		/** A minor's own assent beside a guardian's consent. */
		public boolean assent() {
			return ConsentService.ASSENT.equals(this.document);
		}

	}

	/**
	 * The patient's signatures, oldest first, withdrawn ones included.
	 * @throws NotFoundException if the patient is not visible to the user
	 * @throws org.springframework.security.access.AccessDeniedException if the user's
	 * role may not see clinical content
	 */
	public List<SignedConsent> ofPatient(UUID patientId) {
		return this.consents.signatures(patientId).stream().map(this::view).toList();
	}

	/** One signature, if the user may see its patient's chart (404 otherwise). */
	public SignedConsent read(UUID signatureId) {
		ConsentSignature signature = this.consents.find(signatureId)
			.orElseThrow(() -> new NotFoundException("ConsentSignature", signatureId));
		this.access.requireClinical(signature.patientId());
		this.audit.record(AuditEvent.of(AuditAction.READ, "ConsentSignature", signatureId)
			.patient(signature.patientId())
			.category(DataCategory.CLINICAL));
		return view(signature);
	}

	private SignedConsent view(ConsentSignature s) {
		Map<String, String> details = s.details();
		boolean release = ConsentService.RELEASE.equals(s.document());
		String content = release ? details.get("content") : null;
		return new SignedConsent(s.id(), s.patientId(), s.document(), s.version(), this.consents.title(s),
				s.documentSha256(), s.signerName(), s.signerRole().guardian(), s.signedAt(), s.withdrawnAt(),
				release ? details.get("recipientName") : null, release ? date(details.get("expiresOn")) : null,
				(content == null || content.isBlank()) ? List.of()
						: Arrays.stream(content.split(",")).map(String::trim).filter((c) -> !c.isEmpty()).toList());
	}

	private static LocalDate date(String text) {
		try {
			return (text == null) ? null : LocalDate.parse(text.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
