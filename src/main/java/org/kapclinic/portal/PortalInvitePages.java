package org.kapclinic.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import jakarta.servlet.http.HttpSession;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.kapclinic.patient.LinkPageGate;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The invitation a patient opens (issue 21): the date of birth first (the same gate as
 * every patient link), then a password and an authenticator app. The key is shown as a QR
 * code and as text beside it; it is kept in the session until a code from the app proves
 * it was saved, and only then stored, sealed.
 */
@Controller
class PortalInvitePages {

	static final LinkPageGate GATE = new LinkPageGate("kap.portal-invite.verified", "Your patient portal",
			"/portal/invite", "/setup");

	private static final String KEY = "kap.portal-invite.key";

	private final PortalAccounts accounts;

	private final Passwords passwords;

	private final OneTimeCodes codes;

	private final Clock clock;

	PortalInvitePages(PortalAccounts accounts, Passwords passwords, OneTimeCodes codes, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.codes = codes;
		this.clock = clock;
	}

	@GetMapping("/portal/invite/{token}")
	Object start(@PathVariable String token, HttpSession session, Model model) {
		return GATE.start(this.accounts.openInvite(token), token, session, model);
	}

	@PostMapping("/portal/invite/{token}")
	Object confirm(@PathVariable String token,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
			HttpSession session, Model model) {
		return GATE.confirm(this.accounts.openInvite(token), token, birthDate, this.accounts::confirmBirthDate, session,
				model);
	}

	@GetMapping("/portal/invite/{token}/setup")
	Object setup(@PathVariable String token, @RequestParam(name = "with", required = false) String with,
			HttpSession session, Model model) {
		Optional<OpenLink> link = this.accounts.openInvite(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		model.addAttribute("passkey", "passkey".equals(with));
		return form(token, link.get(), session, model, List.of());
	}

	@PostMapping("/portal/invite/{token}/setup")
	Object finish(@PathVariable String token, @RequestParam(required = false) String password,
			@RequestParam(required = false) String code, HttpSession session, Model model) {
		Optional<OpenLink> link = this.accounts.openInvite(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get()) || !(session.getAttribute(KEY) instanceof String key)) {
			return GATE.toStart(token);
		}
		PortalAccount account = this.accounts.accountOf(link.get());
		List<FieldProblem> problems = new ArrayList<>(this.passwords.problems(password, account.email()));
		Instant now = Instant.now(this.clock);
		OptionalLong step = this.codes.matchesKey(key, (code == null) ? null : code.strip(), now);
		if (step.isEmpty()) {
			problems.add(new FieldProblem("code", "the 6-digit code your authenticator app shows now for KAP Clinic"));
		}
		if (!problems.isEmpty()) {
			return form(token, link.get(), session, model, problems);
		}
		this.accounts.activate(link.get(), this.passwords.hash(password), this.codes.seal(account.id(), key),
				step.getAsLong());
		session.removeAttribute(KEY);
		GATE.forget(session);
		return "redirect:/portal/login?ready";
	}

	private String form(String token, OpenLink link, HttpSession session, Model model, List<FieldProblem> problems) {
		PortalAccount account = this.accounts.accountOf(link);
		String key = (session.getAttribute(KEY) instanceof String kept) ? kept : this.codes.newKey();
		session.setAttribute(KEY, key);
		model.addAttribute("email", account.email());
		model.addAttribute("key", key);
		model.addAttribute("qr", this.codes.qrDataUri(account.email(), key));
		model.addAttribute("problems", problems);
		model.addAttribute("action", "/portal/invite/" + token + "/setup");
		model.addAttribute("token", token);
		model.addAttribute("passkey", Boolean.TRUE.equals(model.getAttribute("passkey")));
		model.addAttribute("passkeyAction", "/portal/invite/" + token + "/setup/passkey");
		return "portal/setup";
	}

}
