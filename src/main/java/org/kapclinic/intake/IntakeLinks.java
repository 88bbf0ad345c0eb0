package org.kapclinic.intake;

import java.time.LocalDate;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.patient.PatientSummary;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Links that let a patient fill in their own intake without an account (the link
 * mechanics — expiry, single use, date-of-birth lockout — are {@link PatientLinks}'):
 * valid 7 days by default and closed once the intake is submitted. Staff hand the link to
 * the patient.
 */
@Service
@Transactional
public class IntakeLinks {

	static final String PURPOSE = "INTAKE";

	private final PatientLinks links;

	private final CareTeamAccess access;

	private final IntakeService intakes;

	private final AuditTrail audit;

	private final IntakeSettings settings;

	IntakeLinks(PatientLinks links, CareTeamAccess access, IntakeService intakes, AuditTrail audit,
			IntakeSettings settings) {
		this.links = links;
		this.access = access;
		this.intakes = intakes;
		this.audit = audit;
		this.settings = settings;
	}

	/** Creates a link for the patient; the token is returned once and never stored. */
	public IssuedLink create(UUID patientId) {
		StaffMember user = this.access.requireClinical(patientId);
		PatientLinks.IssuedLink link = this.links.issue(patientId, PURPOSE, this.settings.linkValidity(), user.id());
		return new IssuedLink(link.token(), link.expiresAt());
	}

	/** The open link for this token. */
	@Transactional(readOnly = true)
	public Optional<OpenLink> open(String token) {
		return this.links.open(token, PURPOSE);
	}

	/**
	 * Whether the date of birth is the patient's; wrong ones close the link in the end.
	 */
	public boolean confirm(OpenLink link, LocalDate birthDate) {
		return this.links.confirm(link, birthDate);
	}

	/** The patient's current answers, to continue a draft. */
	@Transactional(readOnly = true)
	public Optional<IntakeView> current(OpenLink link) {
		Optional<IntakeView> intake = this.intakes.current(link.patientId());
		this.audit.record(AuditEvent.of(AuditAction.READ, IntakeService.RESOURCE, link.patientId())
			.patient(link.patientId())
			.category(DataCategory.CLINICAL)
			.actor(PatientLinks.PATIENT_ACTOR));
		return intake;
	}

	/** Saves the patient's answers; submitting closes the link (single use). */
	public IntakeView save(OpenLink link, IntakeAnswers answers, boolean submit) {
		IntakeView saved = this.intakes.saveFromPatient(link.patientId(), answers, submit);
		if (submit) {
			this.links.markUsed(link);
		}
		return saved;
	}

	public PatientSummary patient(OpenLink link) {
		return this.links.patient(link);
	}

	/** A new link's token (shown once) and when it stops working. */
	public record IssuedLink(String token, Instant expiresAt) {

		/** The link the patient opens, on the address of the request that created it. */
		public String url() {
			return ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/intake/{token}")
				.buildAndExpand(this.token)
				.toUriString();
		}

	}

}
