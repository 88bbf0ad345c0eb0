package org.kapclinic.intake;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.SignedInPatient;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Consents in the portal (issue 21): the documents the care team asked the patient to
 * sign (the same requests as signing links, the same versioned text and hash, the same
 * signature path), and what they have signed. A minor's guardian signed in as proxy signs
 * the requests addressed to the guardian, the minor those addressed to them (the assent).
 * A request of another patient's answers 404. Withdrawing stays with the care team in
 * this version.
 */
@Controller
class PortalConsentPages {

	/**
	 * A document waiting for the patient's signature, or one signed (with its signature's
	 * id when they may withdraw it here).
	 */
	record Item(UUID requestId, String title, String when, UUID withdrawable) {
	}

	private final ConsentLinks links;

	private final PatientLinks patientLinks;

	private final JdbcClient jdbc;

	private final ConsentDocuments documents;

	private final PortalConsentWithdrawals withdrawals;

	private final PortalConsents waiting;

	private final IntakeSettings settings;

	PortalConsentPages(ConsentLinks links, PatientLinks patientLinks, JdbcClient jdbc, ConsentDocuments documents,
			PortalConsentWithdrawals withdrawals, IntakeSettings settings, PortalConsents waiting) {
		this.waiting = waiting;
		this.withdrawals = withdrawals;
		this.settings = settings;
		this.documents = documents;
		this.links = links;
		this.patientLinks = patientLinks;
		this.jdbc = jdbc;
	}

	@ModelAttribute("layout")
	String layout() {
		return "fragments/portal-layout";
	}

	@GetMapping("/portal/consents")
	String list(@AuthenticationPrincipal SignedInPatient patient, Model model) {
		List<Item> pending = this.waiting.waiting(patient.patientId(), patient.proxy())
			.stream()
			.flatMap((id) -> open(patient, id).stream())
			.map((request) -> new Item(request.link().id(), this.links.document(request).title(), null, null))
			.toList();
		List<Item> signed = this.jdbc
			.sql("""
					select s.document_code, s.document_version, to_char(s.signed_at, 'DD Mon YYYY') as day, s.id, s.signer_role
					from intake.consent_signature s where s.patient_id = ? and s.withdrawn_at is null order by s.signed_at desc""")
			.param(patient.patientId())
			.query((rs, n) -> new Item(null,
					this.documents.find(rs.getString(1), rs.getInt(2))
						.map(ConsentDocument::title)
						.orElse(rs.getString(1)),
					rs.getString(3),
					(this.settings.portalWithdrawable().contains(rs.getString(1))
							&& signerRole(patient).name().equals(rs.getString(5))) ? rs.getObject(4, UUID.class)
									: null))
			.list();
		model.addAttribute("pending", pending);
		model.addAttribute("signed", signed);
		return "intake/portal-consents";
	}

	@GetMapping("/portal/consents/{requestId}")
	String form(@AuthenticationPrincipal SignedInPatient patient, @PathVariable UUID requestId, Model model) {
		ConsentLinks.Request request = open(patient, requestId)
			.orElseThrow(() -> new NotFoundException("ConsentRequest", requestId));
		return page(requestId, request, Map.of(), List.of(), model);
	}

	@PostMapping("/portal/consents/{requestId}")
	String sign(@AuthenticationPrincipal SignedInPatient patient, @PathVariable UUID requestId,
			@RequestParam(defaultValue = "false") boolean agreed, @RequestParam(required = false) String signerName,
			@RequestParam(required = false) String typedSignature,
			@RequestParam(required = false) String drawnSignature, Model model) {
		ConsentLinks.Request request = open(patient, requestId)
			.orElseThrow(() -> new NotFoundException("ConsentRequest", requestId));
		try {
			this.links.sign(request, agreed, signerName, typedSignature, drawnSignature, false);
		}
		catch (InvalidInputException ex) {
			return page(requestId, request,
					Map.of("agreed", String.valueOf(agreed), "signerName", (signerName != null) ? signerName : "",
							"typedSignature", (typedSignature != null) ? typedSignature : ""),
					ex.problems(), model);
		}
		model.addAttribute("title", this.links.document(request).title());
		return "intake/consent-signed";
	}

	@PostMapping("/portal/consents/signed/{signatureId}/withdraw")
	String withdraw(@AuthenticationPrincipal SignedInPatient patient, @PathVariable UUID signatureId,
			@RequestParam(required = false) String reason,
			org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
		try {
			ConsentSignature withdrawn = this.withdrawals.withdrawInPortal(patient.patientId(), signatureId,
					signerRole(patient), reason, this.settings.portalWithdrawable());
			redirect.addFlashAttribute("message",
					"Withdrawn: "
							+ this.documents.find(withdrawn.document(), withdrawn.version())
								.map(ConsentDocument::title)
								.orElse(withdrawn.document())
							+ ". Your care team has been told and will contact you about what it means for your care.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", "Not withdrawn: say in a few words why (at most 500 characters).");
		}
		return "redirect:/portal/consents";
	}

	/** The patient's own open request, by its link's id. */
	private java.util.Optional<ConsentLinks.Request> open(SignedInPatient patient, UUID requestId) {
		return this.patientLinks.openById(requestId, ConsentLinks.PURPOSE)
			.filter((link) -> link.patientId().equals(patient.patientId()))
			.map(this.links::request)
			.filter((request) -> request.role() == signerRole(patient));
	}

	/**
	 * A guardian's proxy signs what the guardian was asked to sign; the patient, the
	 * rest.
	 */
	private static SignerRole signerRole(SignedInPatient patient) {
		return patient.proxy() ? SignerRole.GUARDIAN : SignerRole.PATIENT;
	}

	private String page(UUID requestId, ConsentLinks.Request request, Map<String, String> typed,
			List<FieldProblem> problems, Model model) {
		return this.links.signPage(request, typed, problems, "/portal/consents/" + requestId, model);
	}

}
