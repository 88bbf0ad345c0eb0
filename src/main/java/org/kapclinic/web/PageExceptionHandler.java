package org.kapclinic.web;

import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.Refusal;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.TooManyRequestsException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;

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

	@ExceptionHandler(RuleViolationException.class)
	ModelAndView ruleViolation(RuleViolationException ex) {
		return new ProblemPage(422, "Refused by a safety rule",
				"Nothing was saved. Go back, fix what is listed and try again.", Refusal.of(ex))
			.view();
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ModelAndView tooMany(TooManyRequestsException ex) {
		return new ProblemPage(429, "Please try again later", ex.getMessage(), null).view();
	}

}
