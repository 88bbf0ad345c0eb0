package org.kapclinic.web;

import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.TooManyRequestsException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

/** Browser pages: known errors become friendly pages with the right status. */
@ControllerAdvice(annotations = Controller.class)
@Order(Ordered.LOWEST_PRECEDENCE)
class PageExceptionHandler {

	@ExceptionHandler(NotFoundException.class)
	ModelAndView notFound() {
		return page(HttpStatus.NOT_FOUND, "Not found", "This record does not exist, or it is not on your care teams.");
	}

	@ExceptionHandler(AccessDeniedException.class)
	ModelAndView forbidden() {
		return page(HttpStatus.FORBIDDEN, "Not allowed", "Your role does not allow this.");
	}

	@ExceptionHandler(VersionConflictException.class)
	ModelAndView conflict() {
		return page(HttpStatus.CONFLICT, "Changed meanwhile",
				"Someone else changed this record while you were editing. Go back, reload and try again.");
	}

	@ExceptionHandler(RuleViolationException.class)
	ModelAndView ruleViolation(RuleViolationException ex) {
		return page(HttpStatus.UNPROCESSABLE_CONTENT, "Refused by a safety rule",
				ex.getMessage() + " " + String.join(" ", ex.reasons()));
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooMany(TooManyRequestsException ex) {
		return page(HttpStatus.TOO_MANY_REQUESTS, "Please try again later", ex.getMessage());
	}

	private static ModelAndView page(HttpStatus status, String title, String message) {
		ModelAndView view = new ModelAndView("error/problem");
		view.setStatus(status);
		view.addObject("status", status.value());
		view.addObject("title", title);
		view.addObject("message", message);
		return view;
	}

}
