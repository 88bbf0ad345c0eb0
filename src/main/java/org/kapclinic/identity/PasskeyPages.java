package org.kapclinic.identity;

import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.kapclinic.identity.mfa.PasskeyAnswers;
import org.kapclinic.identity.mfa.Passkeys;
import org.kapclinic.identity.mfa.SecondFactors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContextHolder;
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
 * Passkeys in the browser (issue 16 finding 2): the second step of signing in with one,
 * adding one (at sign-in in place of an authenticator app, or later from the account
 * page) and removing one. The page's script ({@code passkeys.js}) asks these endpoints
 * for a challenge, hands it to the browser, and posts the browser's answer back; each
 * answer is checked against the challenge kept in the session, once.
 */
@Controller
class PasskeyPages {

	private static final String CREATION = PasskeyPages.class.getName() + ".creation";

	private static final String REQUEST = PasskeyPages.class.getName() + ".request";

	private static final String NEW_CODES = PasskeyPages.class.getName() + ".recoveryCodes";

	private final Passkeys passkeys;

	private final SecondFactors secondFactors;

	private final AuthenticationAuditor auditor;

	private final LoginAttempts attempts;

	private final StepUp stepUp;

	private final SignInSteps steps;

	private final IdentitySettings settings;

	PasskeyPages(Passkeys passkeys, SecondFactors secondFactors, AuthenticationAuditor auditor, LoginAttempts attempts,
			StepUp stepUp, SignInSteps steps, IdentitySettings settings) {
		this.passkeys = passkeys;
		this.secondFactors = secondFactors;
		this.auditor = auditor;
		this.attempts = attempts;
		this.stepUp = stepUp;
		this.steps = steps;
		this.settings = settings;
	}

	@PostMapping(path = "/login/second-factor/passkey/options", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> signInOptions(HttpSession session) {
		if (SignInSteps.signedInWithPassword().isEmpty()) {
			return PasskeyAnswers.problem(HttpStatus.UNAUTHORIZED, "Sign in with your password first.");
		}
		PublicKeyCredentialRequestOptions options = this.passkeys
			.requestOptions(SecurityContextHolder.getContext().getAuthentication());
		session.setAttribute(REQUEST, options);
		return PasskeyAnswers.options(options);
	}

	@PostMapping(path = "/login/second-factor/passkey", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> signIn(@RequestBody String credential,
			@RequestParam(name = "continue", required = false) String next, HttpServletRequest request,
			HttpServletResponse response, HttpSession session) {
		Optional<StaffPrincipal> staff = SignInSteps.signedInWithPassword();
		if (staff.isEmpty()) {
			return PasskeyAnswers.problem(HttpStatus.UNAUTHORIZED, "Sign in with your password first.");
		}
		String username = staff.get().username();
		if (this.attempts.isLocked(username)) {
			return PasskeyAnswers.problem(HttpStatus.FORBIDDEN,
					"Too many failed attempts: the account is locked for a while. "
							+ "Try again later, or ask an administrator to unlock it.");
		}
		PublicKeyCredentialRequestOptions options = (PublicKeyCredentialRequestOptions) session.getAttribute(REQUEST);
		session.removeAttribute(REQUEST);
		if (options == null) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST,
					"This passkey request has expired: press the button again.");
		}
		if (!this.passkeys.verify(username, options, credential)) {
			this.auditor.secondFactorFailed(username, "passkey not accepted");
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST,
					"That passkey was not accepted: use a passkey you added to "
							+ "KAP Clinic on this account, or enter a code instead.");
		}
		this.auditor.secondFactorPassed(username, "password and passkey");
		this.steps.grantSecondFactor(request, response);
		return PasskeyAnswers.redirect(this.steps.afterwards(next, request, response));
	}

	/**
	 * A challenge to add a passkey: at sign-in for someone with no second factor yet, or
	 * after a recent second factor for someone who has one.
	 */
	@PostMapping(path = "/login/second-factor/passkey/registration-options",
			produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> creationOptions(HttpSession session) {
		Optional<StaffPrincipal> staff = SignInSteps.signedInWithPassword();
		if (staff.isEmpty()) {
			return PasskeyAnswers.problem(HttpStatus.UNAUTHORIZED, "Sign in with your password first.");
		}
		if (this.secondFactors.enrolled(staff.get().userId())
				&& !this.stepUp.fresh(SecurityContextHolder.getContext().getAuthentication())) {
			return PasskeyAnswers.problem(HttpStatus.FORBIDDEN,
					"To add a passkey, confirm it is you first: reload the page and use your passkey or a code.");
		}
		PublicKeyCredentialCreationOptions options = this.passkeys
			.creationOptions(SecurityContextHolder.getContext().getAuthentication());
		session.setAttribute(CREATION, options);
		return PasskeyAnswers.options(options);
	}

	@PostMapping(path = "/login/second-factor/passkey/registration", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<?> register(@RequestBody String credential, @RequestParam(required = false) String label,
			@RequestParam(name = "continue", required = false) String next, HttpServletRequest request,
			HttpServletResponse response, HttpSession session) {
		Optional<StaffPrincipal> staff = SignInSteps.signedInWithPassword();
		if (staff.isEmpty()) {
			return PasskeyAnswers.problem(HttpStatus.UNAUTHORIZED, "Sign in with your password first.");
		}
		PublicKeyCredentialCreationOptions options = (PublicKeyCredentialCreationOptions) session
			.getAttribute(CREATION);
		session.removeAttribute(CREATION);
		if (options == null) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST,
					"This passkey request has expired: press the button again.");
		}
		Optional<List<String>> codes;
		try {
			codes = this.passkeys.register(staff.get().userId(), options, credential, label);
		}
		catch (Passkeys.PasskeyRefused ex) {
			return PasskeyAnswers.problem(HttpStatus.BAD_REQUEST, ex.getMessage());
		}
		if (codes.isEmpty()) {
			return PasskeyAnswers.redirect("/account/two-factor?added");
		}
		this.auditor.secondFactorPassed(staff.get().username(), "password and a newly added passkey");
		this.steps.grantSecondFactor(request, response);
		session.setAttribute(NEW_CODES, codes.get());
		String after = this.steps.afterwards(next, request, response);
		return PasskeyAnswers.redirect("/login/second-factor/recovery-codes?continue="
				+ java.net.URLEncoder.encode(after, java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The recovery codes of a first passkey, shown once. */
	@GetMapping("/login/second-factor/recovery-codes")
	String recoveryCodes(@RequestParam(name = "continue", required = false) String next, Model model,
			HttpSession session) {
		Object codes = session.getAttribute(NEW_CODES);
		session.removeAttribute(NEW_CODES);
		if (codes == null) {
			return "redirect:/account/two-factor";
		}
		model.addAttribute("recoveryCodes", codes);
		String safe = SignInSteps.safe(next);
		model.addAttribute("next", (safe != null) ? safe : "/patients");
		return "identity/recovery-codes";
	}

	/**
	 * Adding a passkey beside a second factor asks for that factor again first; then the
	 * account page offers the button.
	 */
	@GetMapping("/account/passkeys/new")
	String add() {
		this.stepUp.require("add a passkey");
		return "redirect:/account/two-factor";
	}

	@PostMapping("/account/passkeys/{id}/remove")
	String remove(@PathVariable String id, RedirectAttributes redirect) {
		StaffPrincipal staff = SignInSteps.signedInWithPassword().orElseThrow();
		this.stepUp.require("remove a passkey");
		boolean last = this.passkeys.list(staff.userId()).size() == 1
				&& this.secondFactors.status(staff.userId()).since() == null;
		if (last && this.settings.secondFactorRequiredFor(staff.member().roles())) {
			redirect.addFlashAttribute("problem", "Your role signs in with a second factor: add another passkey "
					+ "or set up an authenticator app before removing this one.");
		}
		else if (this.passkeys.remove(staff.userId(), id)) {
			redirect.addFlashAttribute("message", "Passkey removed.");
		}
		return "redirect:/account/two-factor";
	}

}
