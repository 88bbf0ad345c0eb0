package org.kapclinic.web;

import jakarta.servlet.http.HttpServletRequest;

import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.Refusal;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.StepUpRequiredException;
import org.kapclinic.shared.TemporarilyUnavailableException;
import org.kapclinic.shared.TooManyRequestsException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Browser pages: known errors become the error page with the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return new ProblemPage(404, "Not found", "This record does not exist, or it is not on your care teams.", null)
			.view();
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden() {
		return new ProblemPage(403, "Not allowed", "Your role does not allow this.", null).view();
	}

	@ExceptionHandler(VersionConflictException.class)
	ModelAndView conflict() {
		return new ProblemPage(409, "Changed meanwhile",
				"Someone else changed this record while you were editing. Go back, reload and try again.", null)
			.view();
	}

	/**
	 * The one refusal path for forms (issue 15 item 3): a refused post goes back to the
	 * page its form was on, with the refusal shown there in words and the step that fixes
	 * each reason; nothing was saved. Without a same-origin referrer (or for a GET) the
	 * error page says the same.
	 */
	@ExceptionHandler({ RuleViolationException.class, InvalidInputException.class, ConflictException.class })
	ModelAndView refused(RuntimeException ex, HttpServletRequest request) {
		java.util.Optional<String> back = FormReturn.back(request);
		if (back.isPresent()) {
			RequestContextUtils.getOutputFlashMap(request)
				.put(Refusal.ATTRIBUTE, Refusal.of(ex, FormReturn.patientId(back.get())));
			return new ModelAndView("redirect:" + back.get());
		}
		if (ex instanceof RuleViolationException) {
			return new ProblemPage(422, "Refused by a safety rule",
					"Nothing was saved. Go back, fix what is listed and try again.", Refusal.of(ex))
				.view();
		}
		int status = (ex instanceof InvalidInputException) ? 400 : 409;
		return new ProblemPage(status, "Not saved", "Nothing was saved. Go back, fix what is listed and try again.",
				Refusal.of(ex))
			.view();
	}

	/**
	 * A fresh second factor is due: the code page asks for one and sends the person back
	 * to the page the form was on, to send it again.
	 */
	@ExceptionHandler(StepUpRequiredException.class)
	ModelAndView stepUp(HttpServletRequest request) {
		String back = FormReturn.back(request)
			.orElseGet(
					() -> "GET".equals(request.getMethod())
							? request.getRequestURI()
									+ ((request.getQueryString() != null) ? "?" + request.getQueryString() : "")
							: "/patients");
		return new ModelAndView("redirect:/login/second-factor?continue="
				+ java.net.URLEncoder.encode(back, java.nio.charset.StandardCharsets.UTF_8));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooMany(TooManyRequestsException ex) {
		return new ProblemPage(429, "Please try again later", ex.getMessage(), null).view();
	}

	@ExceptionHandler(TemporarilyUnavailableException.class)
	ModelAndView busy(TemporarilyUnavailableException ex) {
		return new ProblemPage(503, "Not saved: please try again", ex.getMessage(), null).view();
	}

	/**
	 * A deadlock victim or a lock wait that timed out: rolled back whole, safe to resend.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ModelAndView lockLost(PessimisticLockingFailureException ex) {
		return new ProblemPage(503, "Not saved: please try again",
				"Another change to the same records was being saved at the same moment; nothing was saved. Send the form again.",
				null)
			.view();
	}

}
