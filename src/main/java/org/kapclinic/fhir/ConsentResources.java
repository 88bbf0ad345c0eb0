package org.kapclinic.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.intake.ReleasesOfInformation;
import org.kapclinic.intake.SignedConsents.SignedConsent;

/**
 * Our consent signatures as FHIR R4 Consents (base resource: US Core defines no Consent
 * profile). R4 Consent asks for a scope, a category and a policy or policy rule
 * (invariant ppc-1; https://hl7.org/fhir/R4/consent.html):
 * <ul>
 * <li>scope (http://terminology.hl7.org/CodeSystem/consentscope): {@code patient-privacy}
 * for a release of information, {@code treatment} for the program consents, telehealth
 * and a minor's assent;</li>
 * <li>category (R4 value set consent-category, which lists these LOINC codes; HL7
 * Scalable Consent Management IG, ValueSet LOINCConsentDocumentTypes): 64292-6 Release of
 * information consent, otherwise 59284-0 Patient Consent;</li>
 * <li>policy: the exact document version signed ({@code urn:kapclinic:consent-document:
 * CODE:VERSION}); a release of information also carries the policy rule
 * {@code hipaa-auth} (http://terminology.hl7.org/CodeSystem/consentpolicycodes, HIPAA
 * Authorization, 45 CFR 164.508) and a provision permitting disclosure to its recipient
 * (role IRCP, information recipient) until its expiry.</li>
 * </ul>
 * Status is {@code active}, or {@code inactive} once withdrawn (a withdrawal is recorded,
 * never a deletion). The signer is the performer: the patient, or a guardian by name. The
 * signer's network address is never part of it.
 */
final class ConsentResources {

	static final String SCOPE_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentscope";

	static final String LOINC = "http://loinc.org";

	static final String POLICY_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentpolicycodes";

	static final String ACTION_SYSTEM = "http://terminology.hl7.org/CodeSystem/consentaction";

	static final String PARTICIPATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType";

	static final String POLICY_PREFIX = "urn:kapclinic:consent-document:";

	private ConsentResources() {
	}

	static Consent toFhir(SignedConsent c) {
		boolean release = c.releaseOfInformation();
		Consent consent = new Consent();
		consent.setId(c.id().toString());
		consent.setStatus(c.active() ? Consent.ConsentState.ACTIVE : Consent.ConsentState.INACTIVE);
		consent.setScope(release ? concept(SCOPE_SYSTEM, "patient-privacy", "Privacy Consent")
				: concept(SCOPE_SYSTEM, "treatment", "Treatment"));
		consent.addCategory(release ? concept(LOINC, "64292-6", "Release of information consent")
				: concept(LOINC, "59284-0", "Patient Consent"));
		consent.setPatient(new Reference("Patient/" + c.patientId()));
		consent.setDateTimeElement(new DateTimeType(Date.from(c.signedAt())));
		consent.addPerformer(c.signedByGuardian() ? new Reference().setDisplay(c.signerName() + " (guardian)")
				: new Reference("Patient/" + c.patientId()).setDisplay(c.signerName()));
		consent.getSourceAttachment()
			.setTitle(c.title() + " (" + c.document() + " version " + c.version() + ", SHA-256 " + c.documentSha256()
					+ ")")
			.setCreationElement(new DateTimeType(Date.from(c.signedAt())));
		consent.addPolicy().setUri(POLICY_PREFIX + c.document() + ":" + c.version());
		if (release) {
			consent.setPolicyRule(concept(POLICY_SYSTEM, "hipaa-auth", "HIPAA Authorization"));
			consent.setProvision(provision(c));
		}
		return consent;
	}

	/**
	 * Disclosure permitted to the named recipient, of the listed content, until expiry.
	 */
	private static Consent.ProvisionComponent provision(SignedConsent c) {
		Consent.ProvisionComponent provision = new Consent.ProvisionComponent();
		provision.setType(Consent.ConsentProvisionType.PERMIT);
		if (c.expiresOn() != null) {
			provision.getPeriod()
				.setStartElement(new DateTimeType(Date.from(c.signedAt())))
				.setEndElement(new DateTimeType(c.expiresOn().toString()));
		}
		if (c.recipientName() != null && !c.recipientName().isBlank()) {
			provision.addActor()
				.setRole(concept(PARTICIPATION_SYSTEM, "IRCP", "information recipient"))
				.setReference(new Reference().setDisplay(c.recipientName()));
		}
		provision.addAction(concept(ACTION_SYSTEM, "disclose", "Disclose"));
		for (String content : c.content()) {
			provision.addCode().setText(ReleasesOfInformation.CONTENT_LABELS.getOrDefault(content, content));
		}
		return provision;
	}

	private static CodeableConcept concept(String system, String code, String display) {
		CodeableConcept concept = new CodeableConcept();
		concept.addCoding().setSystem(system).setCode(code).setDisplay(display);
		return concept;
	}

}
