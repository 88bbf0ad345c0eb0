package org.kapclinic.portal;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.kapclinic.identity.mfa.PasskeyAnswers;
import org.kapclinic.identity.mfa.PasskeyCeremony;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRequestOptions;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Passkeys in the portal (issue 21): the account page lists, adds and removes the
 * signed-in person's passkeys; the sign-in page signs in with a passkey alone. The
 * browser's side is {@code static/js/passkeys.js}, as for staff; each challenge is kept
 * in the session and used once.
 */
@Controller
class PortalPasskeyPages {

	private static final String CREATION = "kap.portal.passkey.creation";

	private static final String REQUEST = "kap.portal.passkey.request";

	private final PortalPasskeys passkeys;

	private final PortalSignIn signIn;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	PortalPasskeyPages(PortalPasskeys passkeys, PortalSignIn signIn) {
		this.passkeys = passkeys;
		this.signIn = signIn;
	}

	@GetMapping("/portal/account")
	String account(@AuthenticationPrincipal PortalPrincipal who, Model model) {
		model.addAttribute("email", who.email());
		model.addAttribute("passkeys", this.passkeys.list(who.accountId()));
		return "portal/account";
	}

	@PostMapping(path = "/portal/account/passkeys/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> creationOptions(Authentication signedIn, HttpSession session) {
		PublicKeyCredentialCreationOptions options = this.passkeys.creationOptions(signedIn);
		session.setAttribute(CREATION, options);
		return PasskeyAnswers.options(options);
	}

	@PostMapping(path = "/portal/account/passkeys", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> add(@AuthenticationPrincipal PortalPrincipal who,
			@RequestBody String credential, @RequestParam(required = false) String label, HttpSession session) {
		Object options = session.getAttribute(CREATION);
		session.removeAttribute(CREATION);
		if (!(options instanceof PublicKeyCredentialCreationOptions creation)) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST,
					"This passkey request has expired: press the button again.");
		}
		try {
			this.passkeys.register(who, creation, credential, label);
		}
		catch (PasskeyCeremony.Refused ex) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		return PasskeyAnswers.redirect("/portal/account?added");
	}

	@PostMapping("/portal/account/passkeys/{id}/remove")
	String remove(@AuthenticationPrincipal PortalPrincipal who, @PathVariable String id, RedirectAttributes redirect) {
		if (!this.passkeys.remove(who, id)) {
			throw new org.kapclinic.shared.NotFoundException("Passkey", id);
		}
		redirect.addFlashAttribute("message", "Passkey removed.");
		return "redirect:/portal/account";
	}

	@PostMapping(path = "/portal/login/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<String> signInOptions(HttpSession session) {
		PublicKeyCredentialRequestOptions options = this.passkeys.signInOptions();
		session.setAttribute(REQUEST, options);
		return PasskeyAnswers.options(options);
	}

	/**
	 * Signs in with a passkey alone: the passkey names its account; the same locks, the
	 * same end of a guardian's proxy, and a new session id as with the password form.
	 */
	@PostMapping(path = "/portal/login/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, String>> signIn(@RequestBody String credential, HttpServletRequest request,
			HttpServletResponse response, HttpSession session) {
		Object options = session.getAttribute(REQUEST);
		session.removeAttribute(REQUEST);
		if (!(options instanceof PublicKeyCredentialRequestOptions challenge)) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST,
					"This passkey request has expired: press the button again.");
		}
		Optional<UUID> account = this.passkeys.authenticate(challenge, credential);
		Authentication signedIn = account.map(this.signIn::withPasskey).orElse(null);
		if (signedIn == null) {
			if (account.isEmpty()) {
				this.signIn.passkeyRefused();
			}
			return PasskeyAnswers
				.problem(HttpStatus.BAD_REQUEST, "That passkey did not sign you in: use a passkey you added to "
						+ "your portal account, or sign in with your password and code. Call the clinic if it keeps failing.");
		}
		request.changeSessionId();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(signedIn);
		SecurityContextHolder.setContext(context);
		this.contexts.saveContext(context, request, response);
		return PasskeyAnswers.redirect("/portal");
	}

}
