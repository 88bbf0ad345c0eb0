package org.kapclinic.intake;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.kapclinic.patient.LinkPageGate;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The signer's side of a consent link (no account): confirm the patient's date of birth,
 * read the versioned text, type the name and type or draw a signature. Works on the
 * signer's phone and on a clinic tablet handed to them ({@code tablet=true}).
 */
@Controller
class ConsentLinkPages {

	private static final LinkPageGate GATE = new LinkPageGate("kap.consent-link.verified", "Sign a consent document",
			"/consent", "/sign");

	private final ConsentLinks links;

	ConsentLinkPages(ConsentLinks links) {
		this.links = links;
	}

	/** Remembers that a clinic tablet opened the link, for the signature's record. */
	private static final String TABLET = "kap.consent-link.tablet";

	@GetMapping("/consent/{token}")
	Object start(@PathVariable String token, @RequestParam(defaultValue = "false") boolean tablet, HttpSession session,
			Model model) {
		if (tablet) {
			session.setAttribute(TABLET, true);
		}
		return GATE.start(this.links.open(token), token, session, model);
	}

	@PostMapping("/consent/{token}")
	Object confirm(@PathVariable String token,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
			HttpSession session, Model model) {
		return GATE.confirm(this.links.open(token), token, birthDate, this.links::confirm, session, model);
	}

	@GetMapping("/consent/{token}/sign")
	Object form(@PathVariable String token, HttpSession session, Model model) {
		Optional<OpenLink> link = this.links.open(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		return page(token, this.links.request(link.get()), Map.of(), List.of(), model);
	}

	@PostMapping("/consent/{token}/sign")
	Object sign(@PathVariable String token, @RequestParam(defaultValue = "false") boolean agreed,
			@RequestParam(required = false) String signerName, @RequestParam(required = false) String typedSignature,
			@RequestParam(required = false) String drawnSignature, HttpSession session, Model model) {
		boolean tablet = Boolean.TRUE.equals(session.getAttribute(TABLET));
		Optional<OpenLink> link = this.links.open(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		ConsentLinks.Request request = this.links.request(link.get());
		try {
			this.links.sign(request, agreed, signerName, typedSignature, drawnSignature, tablet);
		}
		catch (InvalidInputException ex) {
			return page(token, request, typed(agreed, signerName, typedSignature), ex.problems(), model);
		}
		catch (RuleViolationException ex) {
			model.addAttribute("refusal", ex.getMessage());
			return page(token, request, typed(agreed, signerName, typedSignature), List.of(), model);
		}
		GATE.forget(session);
		session.removeAttribute(TABLET);
		model.addAttribute("title", this.links.document(request).title());
		return "intake/consent-signed";
	}

	private String page(String token, ConsentLinks.Request request, Map<String, String> typed,
			List<FieldProblem> problems, Model model) {
		return this.links.signPage(request, typed, problems, "/consent/" + token + "/sign", model);
	}

	private static Map<String, String> typed(boolean agreed, String signerName, String typedSignature) {
		return Map.of("agreed", String.valueOf(agreed), "signerName", (signerName != null) ? signerName : "",
				"typedSignature", (typedSignature != null) ? typedSignature : "");
	}

}
