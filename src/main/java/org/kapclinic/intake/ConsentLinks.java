package org.kapclinic.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Consent signed by the patient, or a minor's guardian, themselves (issue 14): staff send
 * a single-use link naming one document version and who signs; the signer confirms the
 * patient's date of birth, reads the text, types their name and types or draws a
 * signature, on their own device or on a clinic tablet handed to them. The same rules as
 * at the desk apply ({@link ConsentService}): a minor's program consent is the guardian's
 * on file, the assent the minor's own, and an adult is never sent the assent.
 */
@Service
@Transactional
class ConsentLinks {

	static final String PURPOSE = "CONSENT";

	private static final Duration VALIDITY = Duration.ofDays(7);

	private static final int MAX_DRAWING = 400_000;

	private final PatientLinks links;

	private final CareTeamAccess access;

	private final Patients patients;

	private final ConsentDocuments documents;

	private final ConsentService consents;

	private final JdbcClient jdbc;

	private final Clock clock;

	ConsentLinks(PatientLinks links, CareTeamAccess access, Patients patients, ConsentDocuments documents,
			ConsentService consents, JdbcClient jdbc, Clock clock) {
		this.links = links;
		this.access = access;
		this.patients = patients;
		this.documents = documents;
		this.consents = consents;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * A signing link for the current version of {@code document}; the token is shown
	 * once.
	 */
	public Issued create(UUID patientId, String document, SignerRole role) {
		StaffMember user = this.access.requireClinical(patientId);
		PatientSummary patient = this.patients.summary(patientId)
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		ConsentDocument current = this.documents.latest(document)
			.orElseThrow(() -> InvalidInputException.of("document", "choose a consent document"));
		if (role == null) {
			throw InvalidInputException.of("signerRole", "choose who signs");
		}
		if (!patient.minor() && ConsentService.ASSENT.equals(document)) {
			throw new RuleViolationException("The patient is an adult: a minor's assent is not for them.",
					List.of("ASSENT_FOR_ADULT: choose the program's consent document"));
		}
		if (patient.minor() && ConsentService.ASSENT.equals(document) && role != SignerRole.PATIENT) {
			throw InvalidInputException.of("signerRole", "the assent is signed by the minor themself");
		}
		PatientLinks.IssuedLink link = this.links.issue(patientId, PURPOSE, VALIDITY, user.id());
		this.jdbc.sql("""
				insert into intake.consent_request (link_id, patient_id, document_code, document_version, signer_role,
				    created_at, created_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(link.id(), patientId, document, current.version(), role.name(),
					Timestamp.from(Instant.now(this.clock)), user.id())
			.update();
		return new Issued(link.token(), link.expiresAt(), current.title(), role);
	}

	@Transactional(readOnly = true)
	public Optional<OpenLink> open(String token) {
		return this.links.open(token, PURPOSE);
	}

	public boolean confirm(OpenLink link, LocalDate birthDate) {
		return this.links.confirm(link, birthDate);
	}

	/** What this link asks to be signed. */
	@Transactional(readOnly = true)
	public Request request(OpenLink link) {
		return this.jdbc.sql("""
				select document_code, document_version, signer_role, created_by from intake.consent_request
				where link_id = ?""")
			.param(link.id())
			.query((rs, n) -> new Request(link, rs.getString("document_code"), rs.getInt("document_version"),
					SignerRole.valueOf(rs.getString("signer_role")), rs.getObject("created_by", UUID.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("ConsentRequest", link.id()));
	}

	@Transactional(readOnly = true)
	public ConsentDocument document(Request request) {
		return this.documents.find(request.document(), request.version())
			.orElseThrow(() -> new NotFoundException("ConsentDocument", request.document()));
	}

	public PatientSummary patient(OpenLink link) {
		return this.links.patient(link);
	}

	/**
	 * Records the signature and closes the link. Refused with field messages, nothing
	 * saved, when the text was not agreed to, the name is missing, or no signature was
	 * typed or drawn.
	 */
	public ConsentSignature sign(Request request, boolean agreed, String signerName, String typedSignature,
			String drawnSignature, boolean onClinicDevice) {
		List<FieldProblem> problems = new java.util.ArrayList<>();
		if (!agreed) {
			problems.add(new FieldProblem("agreed", "tick the box to say you have read the text and agree"));
		}
		if (signerName == null || signerName.isBlank()) {
			problems.add(new FieldProblem("signerName", "type your full name"));
		}
		boolean drawn = drawnSignature != null && !drawnSignature.isBlank();
		if (drawn && (!drawnSignature.startsWith("data:image/png;base64,") || drawnSignature.length() > MAX_DRAWING)) {
			problems.add(new FieldProblem("drawnSignature", "draw your signature again"));
		}
		if (!drawn && (typedSignature == null || typedSignature.isBlank())) {
			problems.add(new FieldProblem("typedSignature", "type your signature, or draw it in the box"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		ConsentSignature signature = this.consents.signByPatient(request.link().patientId(), request.document(),
				request.version(), signerName, request.role(),
				Map.of("signedVia", onClinicDevice ? "clinic tablet, handed to the signer" : "signer's own device",
						"signature", drawn ? "drawn" : "typed: " + typedSignature.trim()),
				request.sentBy(), drawn ? drawnSignature : null);
		this.jdbc.sql("update intake.consent_request set signature_id = ? where link_id = ?")
			.params(signature.id(), request.link().id())
			.update();
		this.links.markUsed(request.link());
		return signature;
	}

	/**
	 * The signing page (templates/intake/consent-sign) for a request, with what was typed
	 * and what is wrong with it, posting to {@code formAction}: one page for links and
	 * for the patient portal.
	 */
	String signPage(Request request, Map<String, String> typed, List<FieldProblem> problems, String formAction,
			org.springframework.ui.Model model) {
		model.addAttribute("request", request);
		model.addAttribute("document", document(request));
		model.addAttribute("patient", patient(request.link()));
		model.addAttribute("typed", typed);
		model.addAttribute("problems", problems);
		model.addAttribute("messages", problems.stream()
			.collect(java.util.stream.Collectors.toMap(FieldProblem::field, FieldProblem::message, (a, b) -> a)));
		model.addAttribute("formAction", formAction);
		return "intake/consent-sign";
	}

	/** What a link asks: one document version, signed by the patient or a guardian. */
	public record Request(OpenLink link, String document, int version, SignerRole role, UUID sentBy) {
	}

	/** A new link's token (shown once), when it stops working, and what it is for. */
	public record Issued(String token, Instant expiresAt, String title,
			SignerRole role) implements java.io.Serializable {

		public String url() {
			return ServletUriComponentsBuilder.fromCurrentContextPath()
				.path("/consent/{token}")
				.buildAndExpand(this.token)
				.toUriString();
		}

		public String path() {
			return "/consent/" + this.token;
		}

	}

}
