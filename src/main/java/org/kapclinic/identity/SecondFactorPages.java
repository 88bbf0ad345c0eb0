package org.kapclinic.identity;

import java.time.Clock;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.kapclinic.identity.mfa.Passkeys;
import org.kapclinic.identity.mfa.SecondFactors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The second step of signing in, and of the operations that ask again (issue 16 finding
 * 2): a code from the authenticator app or a recovery code; or, for someone whose roles
 * require a second factor and who has none, setting one up (QR code, a first code, ten
 * recovery codes shown once). Passing grants the session the TOTP factor that the page
 * rules require ({@link SecurityConfiguration}) with the time it was proved, which
 * {@link StepUp} checks.
 */
@Controller
class SecondFactorPages {

	/** The secret being set up, kept across the page's reloads until confirmed. */
	static final String PENDING = SecondFactorPages.class.getName() + ".pending";

	private final SecondFactors secondFactors;

	private final AuthenticationAuditor auditor;

	private final LoginAttempts attempts;

	private final Clock clock;

	private final StepUp stepUp;

	private final SignInSteps steps;

	private final Passkeys passkeys;

	SecondFactorPages(SecondFactors secondFactors, AuthenticationAuditor auditor, LoginAttempts attempts, Clock clock,
			StepUp stepUp, SignInSteps steps, Passkeys passkeys) {
		this.stepUp = stepUp;
		this.steps = steps;
		this.passkeys = passkeys;
		this.secondFactors = secondFactors;
		this.auditor = auditor;
		this.attempts = attempts;
		this.clock = clock;
	}

	@GetMapping("/login/second-factor")
	String page(@RequestParam(name = "continue", required = false) String next, Model model, HttpSession session) {
		Optional<StaffPrincipal> staff = SignInSteps.signedInWithPassword();
		if (staff.isEmpty()) {
			return "redirect:/login";
		}
		model.addAttribute("next", SignInSteps.safe(next));
		if (this.secondFactors.enrolled(staff.get().userId())) {
			return codePage(staff.get(), model);
		}
		return setUp(staff.get(), model, session);
	}

	@PostMapping("/login/second-factor")
	String check(@RequestParam(required = false) String code,
			@RequestParam(name = "continue", required = false) String next, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<StaffPrincipal> staff = SignInSteps.signedInWithPassword();
		if (staff.isEmpty()) {
			return "redirect:/login";
		}
		model.addAttribute("next", SignInSteps.safe(next));
		String username = staff.get().username();
		if (this.attempts.isLocked(username)) {
			model.addAttribute("problem", "Too many wrong codes: the account is locked for a while. "
					+ "Try again later, or ask an administrator to unlock it.");
			return codePage(staff.get(), model);
		}
		Optional<SecondFactors.Accepted> accepted = this.secondFactors.accept(staff.get().userId(), code);
		if (accepted.isEmpty()) {
			this.auditor.secondFactorFailed(username, "wrong or reused code");
			model.addAttribute("problem", "That code is wrong or was used already. Type the code your app shows "
					+ "now (a new one comes every 30 seconds), or one of your recovery codes.");
			return codePage(staff.get(), model);
		}
		this.auditor.secondFactorPassed(username,
				accepted.get().recoveryCode() ? "password and recovery code" : "password and authenticator code");
		this.steps.grantSecondFactor(request, response);
		return "redirect:" + this.steps.afterwards(next, request, response);
	}

	/** The first code from a newly set-up app: shows the recovery codes once. */
	@PostMapping("/login/second-factor/setup")
	String confirm(@RequestParam(required = false) String code,
			@RequestParam(name = "continue", required = false) String next, Model model, HttpServletRequest request,
			HttpServletResponse response, HttpSession session) {
		Optional<StaffPrincipal> staff = SignInSteps.signedInWithPassword();
		if (staff.isEmpty()) {
			return "redirect:/login";
		}
		model.addAttribute("next", SignInSteps.safe(next));
		Optional<List<String>> codes = this.secondFactors.confirm(staff.get().userId(),
				(code == null) ? "" : code.strip());
		if (codes.isEmpty()) {
			model.addAttribute("problem",
					"That code does not match: type the 6-digit code the app shows now " + "for KAP Clinic.");
			return setUp(staff.get(), model, session);
		}
		session.removeAttribute(PENDING);
		this.auditor.secondFactorPassed(staff.get().username(), "password and a newly set-up authenticator app");
		this.steps.grantSecondFactor(request, response);
		model.addAttribute("recoveryCodes", codes.get());
		model.addAttribute("next", this.steps.afterwards(next, request, response));
		return "identity/recovery-codes";
	}

	/**
	 * One's own two-factor sign-in: whether it is set up, and setting up or replacing it.
	 */
	@GetMapping("/account/two-factor")
	String account(Model model) {
		StaffPrincipal staff = SignInSteps.signedInWithPassword().orElseThrow();
		SecondFactors.Status status = this.secondFactors.status(staff.userId());
		model.addAttribute("status", status);
		model.addAttribute("passkeys", this.passkeys.list(staff.userId()));
		model.addAttribute("zone", this.clock.getZone());
		model.addAttribute("enrolled", this.secondFactors.enrolled(staff.userId()));
		model.addAttribute("fresh", this.stepUp
			.fresh(org.springframework.security.core.context.SecurityContextHolder.getContext().getAuthentication()));
		model.addAttribute("since",
				(status.since() != null) ? status.since().atZone(this.clock.getZone()).toLocalDate() : null);
		return "identity/two-factor";
	}

	/** Replacing an app already set up asks for a fresh code from it first. */
	@PostMapping("/account/two-factor")
	String replace(Model model, HttpSession session) {
		StaffPrincipal staff = SignInSteps.signedInWithPassword().orElseThrow();
		if (this.secondFactors.enrolled(staff.userId())) {
			this.stepUp.require("replace your authenticator app");
		}
		session.removeAttribute(PENDING);
		model.addAttribute("next", "/account/two-factor");
		return setUp(staff, model, session);
	}

	/** The code page, with the passkey button for someone who has one. */
	private String codePage(StaffPrincipal staff, Model model) {
		model.addAttribute("hasPasskey", !this.passkeys.list(staff.userId()).isEmpty());
		model.addAttribute("hasApp", this.secondFactors.status(staff.userId()).since() != null);
		return "identity/second-factor";
	}

	private String setUp(StaffPrincipal staff, Model model, HttpSession session) {
		SecondFactors.Enrolment enrolment = (SecondFactors.Enrolment) session.getAttribute(PENDING);
		if (enrolment == null) {
			enrolment = this.secondFactors.begin(staff.userId(), staff.username());
			session.setAttribute(PENDING, enrolment);
		}
		model.addAttribute("enrolment", enrolment);
		return "identity/second-factor-setup";
	}

}
