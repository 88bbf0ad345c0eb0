package org.kapclinic.intake;

import java.time.LocalDate;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

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
class IntakeLinks {

	static final String PURPOSE = "INTAKE";

	private final PatientLinks links;

	private final CareTeamAccess access;

	private final Questionnaires questionnaires;

	private final IntakeSettings settings;

	IntakeLinks(PatientLinks links, CareTeamAccess access, Questionnaires questionnaires, IntakeSettings settings) {
		this.links = links;
		this.access = access;
		this.questionnaires = questionnaires;
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

	/** The patient's questionnaire so far, to continue a draft. */
	@Transactional(readOnly = true)
	public Optional<Questionnaires.Stored> questionnaire(OpenLink link) {
		return this.questionnaires.forPatient(link.patientId());
	}

	/**
	 * Saves the patient's questionnaire; sending it merges it into the intake draft and
	 * closes the link (single use).
	 */
	public void save(OpenLink link, PatientQuestionnaire answers, boolean send) {
		this.questionnaires.save(link.patientId(), answers, send);
		if (send) {
			this.links.markUsed(link);
		}
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
