package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiPredicate;

import jakarta.servlet.http.HttpSession;

import org.kapclinic.patient.PatientLinks.OpenLink;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.ModelAndView;

/**
 * The date-of-birth step in front of every patient link page (intake, self-report,
 * journal): a link opens nothing until the birth date is confirmed, and the confirmation
 * lives in the HTTP session only, so the link alone never shows the patient's answers. An
 * expired, used, locked or unknown link gets the same answer, so tokens cannot be probed.
 * The link's own checks (expiry, lockout after failed dates) stay in
 * {@link PatientLinks}; this is only the page flow around them.
 */
public final class LinkPageGate {

	private final String sessionKey;

	private final String heading;

	private final String basePath;

	private final String pagePath;

	/**
	 * @param sessionKey the HTTP session attribute that holds the confirmed link
	 * @param heading shown above the date-of-birth form
	 * @param basePath the link's path without the token ({@code /journal})
	 * @param pageSuffix the page the confirmed patient goes on to ({@code /write})
	 */
	public LinkPageGate(String sessionKey, String heading, String basePath, String pageSuffix) {
		this.sessionKey = sessionKey;
		this.heading = heading;
		this.basePath = basePath;
		this.pagePath = pageSuffix;
	}

	/**
	 * GET of the link: the date-of-birth form, or on to the page if already confirmed.
	 */
	public Object start(Optional<OpenLink> link, String token, HttpSession session, Model model) {
		if (link.isEmpty()) {
			return closed();
		}
		return verified(session, link.get()) ? page(token) : verifyForm(token, model);
	}

	/** POST of the date of birth, checked by the link's owner ({@code check}). */
	public Object confirm(Optional<OpenLink> link, String token, LocalDate birthDate,
			BiPredicate<OpenLink, LocalDate> check, HttpSession session, Model model) {
		if (link.isEmpty()) {
			return closed();
		}
		if (birthDate == null || !check.test(link.get(), birthDate)) {
			model.addAttribute("error",
					"That date of birth does not match our records. Please check it, or call the clinic.");
			return verifyForm(token, model);
		}
		// A new session id once the date of birth is confirmed: an id planted or seen
		// before this step is worth nothing after it (session fixation, ASVS 7.2.4).
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			attributes.getRequest().changeSessionId();
		}
		session.setAttribute(this.sessionKey, link.get().id());
		return page(token);
	}

	public boolean verified(HttpSession session, OpenLink link) {
		return link.id().equals(session.getAttribute(this.sessionKey));
	}

	/** After the patient has sent their answers: the link needs confirming again. */
	public void forget(HttpSession session) {
		session.removeAttribute(this.sessionKey);
	}

	/** Back to the date-of-birth step. */
	public String toStart(String token) {
		return "redirect:" + this.basePath + "/" + token;
	}

	private String page(String token) {
		return "redirect:" + this.basePath + "/" + token + this.pagePath;
	}

	private String verifyForm(String token, Model model) {
		model.addAttribute("heading", this.heading);
		model.addAttribute("verifyAction", this.basePath + "/" + token);
		return "patient/link-verify";
	}

	/** Expired, used, locked or unknown: the same answer, so tokens cannot be probed. */
	public static ModelAndView closed() {
		ModelAndView view = new ModelAndView("patient/link-closed");
		view.setStatus(HttpStatus.GONE);
		return view;
	}

}
