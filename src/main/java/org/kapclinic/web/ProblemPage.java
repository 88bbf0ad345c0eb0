package org.kapclinic.web;

import java.util.Map;

import org.kapclinic.shared.Refusal;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.ModelAndView;

/**
 * The one error page (templates/error/problem.html): the status, a heading and what to do
 * next, and a refusal's reasons in words. Its model holds only {@code problem}, so no
 * name collides with the layout's flash messages or fragment parameters.
 *
 * @param status the HTTP status shown
 * @param heading the page's heading and title
 * @param detail what happened and what to do next
 * @param refusal a 422's reasons, or null
 */
record ProblemPage(int status, String heading, String detail, Refusal refusal) {

	static final String VIEW = "error/problem";

	private static final Map<Integer, ProblemPage> BY_STATUS = Map.of(400,
			new ProblemPage(400, "Not understood",
					"The request was not in a form the page expects. Go back and try again.", null),
			403, new ProblemPage(403, "Not allowed", "Your role does not allow this page or action.", null), 404,
			new ProblemPage(404, "Page not found",
					"There is no page at this address. Check the link, or start again from the patient list.", null),
			405,
			new ProblemPage(
					405, "Not possible here", "This page cannot be used that way. Go back and use its buttons.", null),
			409,
			new ProblemPage(409, "Changed meanwhile",
					"Someone else changed this record while you were editing. Go back, reload and try again.", null),
			429, new ProblemPage(429, "Please try again later", "Too many attempts in a short time.", null));

	/** The page for a status that no handler described. */
	static ProblemPage forStatus(HttpStatus status) {
		ProblemPage known = BY_STATUS.get(status.value());
		if (known != null) {
			return known;
		}
		return status.is4xxClientError()
				? new ProblemPage(status.value(), "Not possible",
						"This request cannot be answered. Go back and try again.", null)
				: new ProblemPage(status.value(), "Something went wrong",
						"Something went wrong on our side; nothing was saved. Please try again.", null);
	}

	/**
	 * The portal's only refusal by role: a guardian's proxy on the patient's own journal
	 * or questionnaires (issue 21).
	 */
	private static final ProblemPage PORTAL_FORBIDDEN = new ProblemPage(403, "For the patient themself",
			"This page is for the patient's own use. As their guardian you can see their appointments, "
					+ "the consents for you to sign, invoices and your messages with the care team.",
			null);

	ModelAndView view() {
		ModelAndView view = new ModelAndView(VIEW);
		view.setStatus(HttpStatus.valueOf(this.status));
		boolean portal = onPortal();
		view.addObject("problem", (portal && this.status == 403 && this.refusal == null) ? PORTAL_FORBIDDEN : this);
		if (portal) {
			// A patient's error page: their layout, and back to their home, not the
			// staff's.
			view.addObject("layout", "fragments/portal-layout");
			view.addObject("home", "/portal");
			view.addObject("homeLabel", "Back to your home page");
		}
		return view;
	}

	/** Whether the failed request was a patient portal page (issue 21). */
	private static boolean onPortal() {
		if (!(org.springframework.web.context.request.RequestContextHolder
			.getRequestAttributes() instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
			return false;
		}
		Object failed = attributes.getRequest().getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		String path = (failed instanceof String uri) ? uri : attributes.getRequest().getRequestURI();
		return path.equals("/portal") || path.startsWith("/portal/");
	}

}
