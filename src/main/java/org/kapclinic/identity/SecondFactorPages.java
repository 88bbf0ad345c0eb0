package org.kapclinic.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.kapclinic.identity.mfa.SecondFactors;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
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

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final RequestCache requests = new HttpSessionRequestCache();

	private final StepUp stepUp;

	SecondFactorPages(SecondFactors secondFactors, AuthenticationAuditor auditor, LoginAttempts attempts, Clock clock,
			StepUp stepUp) {
		this.stepUp = stepUp;
		this.secondFactors = secondFactors;
		this.auditor = auditor;
		this.attempts = attempts;
		this.clock = clock;
	}

	@GetMapping("/login/second-factor")
	String page(@RequestParam(name = "continue", required = false) String next, Model model, HttpSession session) {
		Optional<StaffPrincipal> staff = signedInWithPassword();
		if (staff.isEmpty()) {
			return "redirect:/login";
		}
		model.addAttribute("next", safe(next));
		if (this.secondFactors.enrolled(staff.get().userId())) {
			return "identity/second-factor";
		}
		return setUp(staff.get(), model, session);
	}

	@PostMapping("/login/second-factor")
	String check(@RequestParam(required = false) String code,
			@RequestParam(name = "continue", required = false) String next, Model model, HttpServletRequest request,
			HttpServletResponse response) {
		Optional<StaffPrincipal> staff = signedInWithPassword();
		if (staff.isEmpty()) {
			return "redirect:/login";
		}
		model.addAttribute("next", safe(next));
		String username = staff.get().username();
		if (this.attempts.isLocked(username)) {
			model.addAttribute("problem", "Too many wrong codes: the account is locked for a while. "
					+ "Try again later, or ask an administrator to unlock it.");
			return "identity/second-factor";
		}
		Optional<SecondFactors.Accepted> accepted = this.secondFactors.accept(staff.get().userId(), code);
		if (accepted.isEmpty()) {
			this.auditor.secondFactorFailed(username, "wrong or reused code");
			model.addAttribute("problem", "That code is wrong or was used already. Type the code your app shows "
					+ "now (a new one comes every 30 seconds), or one of your recovery codes.");
			return "identity/second-factor";
		}
		this.auditor.secondFactorPassed(username,
				accepted.get().recoveryCode() ? "password and recovery code" : "password and authenticator code");
		grantFactor(request, response);
		return "redirect:" + afterwards(next, request, response);
	}

	/** The first code from a newly set-up app: shows the recovery codes once. */
	@PostMapping("/login/second-factor/setup")
	String confirm(@RequestParam(required = false) String code,
			@RequestParam(name = "continue", required = false) String next, Model model, HttpServletRequest request,
			HttpServletResponse response, HttpSession session) {
		Optional<StaffPrincipal> staff = signedInWithPassword();
		if (staff.isEmpty()) {
			return "redirect:/login";
		}
		model.addAttribute("next", safe(next));
		Optional<List<String>> codes = this.secondFactors.confirm(staff.get().userId(),
				(code == null) ? "" : code.strip());
		if (codes.isEmpty()) {
			model.addAttribute("problem",
					"That code does not match: type the 6-digit code the app shows now " + "for KAP Clinic.");
			return setUp(staff.get(), model, session);
		}
		session.removeAttribute(PENDING);
		this.auditor.secondFactorPassed(staff.get().username(), "password and a newly set-up authenticator app");
		grantFactor(request, response);
		model.addAttribute("recoveryCodes", codes.get());
		model.addAttribute("next", afterwards(next, request, response));
		return "identity/recovery-codes";
	}

	/**
	 * One's own two-factor sign-in: whether it is set up, and setting up or replacing it.
	 */
	@GetMapping("/account/two-factor")
	String account(Model model) {
		StaffPrincipal staff = signedInWithPassword().orElseThrow();
		SecondFactors.Status status = this.secondFactors.status(staff.userId());
		model.addAttribute("status", status);
		model.addAttribute("since",
				(status.since() != null) ? status.since().atZone(this.clock.getZone()).toLocalDate() : null);
		return "identity/two-factor";
	}

	/** Replacing an app already set up asks for a fresh code from it first. */
	@PostMapping("/account/two-factor")
	String replace(Model model, HttpSession session) {
		StaffPrincipal staff = signedInWithPassword().orElseThrow();
		if (this.secondFactors.enrolled(staff.userId())) {
			this.stepUp.require("replace your authenticator app");
		}
		session.removeAttribute(PENDING);
		model.addAttribute("next", "/account/two-factor");
		return setUp(staff, model, session);
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

	/** Adds the TOTP factor, proved now, to the session's sign-in; a new session id. */
	private void grantFactor(HttpServletRequest request, HttpServletResponse response) {
		Authentication current = SecurityContextHolder.getContext().getAuthentication();
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (GrantedAuthority authority : current.getAuthorities()) {
			if (!StepUp.TOTP_FACTOR.equals(authority.getAuthority())) {
				authorities.add(authority);
			}
		}
		authorities
			.add(FactorGrantedAuthority.withAuthority(StepUp.TOTP_FACTOR).issuedAt(Instant.now(this.clock)).build());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(
				UsernamePasswordAuthenticationToken.authenticated(current.getPrincipal(), null, authorities));
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		this.contexts.saveContext(context, request, response);
	}

	/** Where to go once passed: the page that asked, else the one first asked for. */
	private String afterwards(String next, HttpServletRequest request, HttpServletResponse response) {
		String safe = safe(next);
		if (safe != null) {
			return safe;
		}
		SavedRequest saved = this.requests.getRequest(request, response);
		if (saved != null) {
			this.requests.removeRequest(request, response);
			return saved.getRedirectUrl();
		}
		return "/patients";
	}

	/** Only a path on this site ({@code /…}, never {@code //host}). */
	private static String safe(String next) {
		return (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\")
				&& next.length() <= 500) ? next : null;
	}

	private static Optional<StaffPrincipal> signedInWithPassword() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal staff)
				? Optional.of(staff) : Optional.empty();
	}

}
