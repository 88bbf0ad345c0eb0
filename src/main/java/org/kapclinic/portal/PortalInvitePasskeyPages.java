package org.kapclinic.portal;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.PasskeyAnswers;
import org.kapclinic.identity.mfa.PasskeyCeremony;
import org.kapclinic.patient.LinkPageGate;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Setting up a portal account with a passkey instead of an authenticator app (issue 21):
 * after the date of birth, the patient chooses a password (kept hashed in the session),
 * then makes a passkey on their phone or computer; only when the browser's answer checks
 * out is the account activated, with the password and no authenticator key.
 */
@Controller
class PortalInvitePasskeyPages {

	private static final String PASSWORD = "kap.portal-invite.password";

	private static final String CREATION = "kap.portal-invite.passkey";

	private final PortalAccounts accounts;

	private final PortalPasskeys passkeys;

	private final Passwords passwords;

	PortalInvitePasskeyPages(PortalAccounts accounts, PortalPasskeys passkeys, Passwords passwords) {
		this.accounts = accounts;
		this.passkeys = passkeys;
		this.passwords = passwords;
	}

	/** The password first; then the page that makes the passkey. */
	@PostMapping("/portal/invite/{token}/setup/passkey")
	Object password(@PathVariable String token, @RequestParam(required = false) String password, HttpSession session,
			Model model) {
		Optional<OpenLink> link = open(token, session);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		PortalAccount account = this.accounts.accountOf(link.get());
		List<FieldProblem> problems = this.passwords.problems(password, account.email());
		model.addAttribute("email", account.email());
		model.addAttribute("token", token);
		if (!problems.isEmpty()) {
			model.addAttribute("problems", problems);
			model.addAttribute("passkey", true);
			model.addAttribute("action", "/portal/invite/" + token + "/setup");
			model.addAttribute("passkeyAction", "/portal/invite/" + token + "/setup/passkey");
			return "portal/setup";
		}
		session.setAttribute(PASSWORD, this.passwords.hash(password));
		return "portal/setup-passkey";
	}

	@PostMapping(path = "/portal/invite/{token}/setup/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> options(@PathVariable String token, HttpSession session) {
		Optional<OpenLink> link = open(token, session);
		if (link.isEmpty() || session.getAttribute(PASSWORD) == null) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST,
					"This set-up has expired: open the link in your e-mail again.");
		}
		PublicKeyCredentialCreationOptions options = this.passkeys.setupOptions(this.accounts.accountOf(link.get()));
		session.setAttribute(CREATION, options);
		return PasskeyAnswers.options(options);
	}

	@PostMapping(path = "/portal/invite/{token}/setup/passkey/finish", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> finish(@PathVariable String token, @RequestBody String credential, HttpSession session) {
		Optional<OpenLink> link = open(token, session);
		Object options = session.getAttribute(CREATION);
		session.removeAttribute(CREATION);
		if (link.isEmpty() || !(session.getAttribute(PASSWORD) instanceof String hash)
				|| !(options instanceof PublicKeyCredentialCreationOptions creation)) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST,
					"This set-up has expired: open the link in your e-mail again.");
		}
		PortalAccount account = this.accounts.accountOf(link.get());
		try {
			this.passkeys.registerAtSetup(account, creation, credential);
		}
		catch (PasskeyCeremony.Refused ex) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		this.accounts.activate(link.get(), hash, null, 0);
		session.removeAttribute(PASSWORD);
		PortalInvitePages.GATE.forget(session);
		return PasskeyAnswers.redirect("/portal/login?ready");
	}

	/** The invitation, if it is still open and its date of birth was confirmed here. */
	private Optional<OpenLink> open(String token, HttpSession session) {
		return this.accounts.openInvite(token).filter((link) -> PortalInvitePages.GATE.verified(session, link));
	}

}
