package org.kapclinic.intake;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.intake.ConsentSignature.SignerRole;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The consent forms of the eligibility page: a signing link for the patient or guardian,
 * a signature taken in the clinic, a withdrawal, and the text of a document version.
 * Refusals go back to the page with their words ({@code web/PageExceptionHandler}).
 */
@Controller
class ConsentPages {

	private final ConsentService consents;

	private final ConsentDocuments documents;

	private final ConsentLinks consentLinks;

	private final ClinicTime clinicTime;

	ConsentPages(ConsentService consents, ConsentDocuments documents, ConsentLinks consentLinks,
			ClinicTime clinicTime) {
		this.consents = consents;
		this.documents = documents;
		this.consentLinks = consentLinks;
		this.clinicTime = clinicTime;
	}

	/**
	 * A link for the patient (or a minor's guardian) to sign on their own device, or on a
	 * clinic tablet handed to them.
	 */
	@PostMapping("/patients/{id}/consent-links")
	String createConsentLink(@PathVariable UUID id, @RequestParam(required = false) String document,
			@RequestParam(required = false) SignerRole signerRole, RedirectAttributes redirect) {
		redirect.addFlashAttribute("consentLink", this.consentLinks.create(id, document, signerRole));
		return backToEligibility(id);
	}

	@PostMapping("/patients/{id}/consents")
	String sign(@PathVariable UUID id, @RequestParam String document, @RequestParam(required = false) Integer version,
			@RequestParam(required = false) String signerName, @RequestParam SignerRole signerRole,
			@RequestParam(required = false) String recipientName, @RequestParam(required = false) String scope,
			@RequestParam(required = false) String expiresOn, @RequestParam(required = false) String providerId,
			@RequestParam(required = false) java.util.List<String> content, RedirectAttributes redirect) {
		// The page's select sends CODE:VERSION so the signed version is the one shown.
		String code = document;
		Integer signedVersion = version;
		int colon = document.indexOf(':');
		if (colon > 0) {
			code = document.substring(0, colon);
			signedVersion = document.substring(colon + 1).matches("\\d{1,9}")
					? Integer.valueOf(document.substring(colon + 1)) : null;
		}
		Map<String, String> details = new LinkedHashMap<>();
		putIfPresent(details, "recipientName", recipientName);
		putIfPresent(details, "scope", scope);
		putIfPresent(details, "expiresOn", expiresOn);
		putIfPresent(details, "providerId", providerId);
		if (content != null && !content.isEmpty()) {
			details.put("content", String.join(",", content));
		}
		ConsentSignature signature = this.consents.sign(id, code, signedVersion, signerName, signerRole, details);
		redirect.addFlashAttribute("message", "Signed " + title(signature) + " by " + signature.signerName() + ".");
		return backToEligibility(id);
	}

	@PostMapping("/patients/{id}/consents/{signatureId}/withdraw")
	String withdraw(@PathVariable UUID id, @PathVariable UUID signatureId,
			@RequestParam(required = false) String reason, RedirectAttributes redirect) {
		ConsentSignature signature = this.consents.withdraw(signatureId, reason);
		redirect.addFlashAttribute("message", "Recorded the withdrawal of " + title(signature) + ".");
		return backToEligibility(id);
	}

	@GetMapping("/consent-documents/{code}/{version}")
	String document(@PathVariable String code, @PathVariable int version,
			@RequestParam(required = false) UUID patientId, Model model) {
		model.addAttribute("document", this.documents.find(code, version)
			.orElseThrow(() -> new NotFoundException("ConsentDocument", code + " v" + version)));
		model.addAttribute("patientId", patientId);
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		return "intake/document";
	}

	private static void putIfPresent(Map<String, String> details, String name, String value) {
		if (value != null && !value.isBlank()) {
			details.put(name, value.trim());
		}
	}

	/** The document's title as the patient read it, with its version. */
	private String title(ConsentSignature signature) {
		return this.documents.find(signature.document(), signature.version())
			.map((d) -> d.title() + " (version " + d.version() + ")")
			.orElse(signature.document() + " v" + signature.version());
	}

	private static String backToEligibility(UUID id) {
		return "redirect:/patients/" + id + "/eligibility";
	}

}
