package org.kapclinic.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.StepUpRequiredException;
import org.kapclinic.shared.TemporarilyUnavailableException;
import org.kapclinic.shared.TooManyRequestsException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Maps errors on the JSON API to RFC 9457 problem+json: 400 with a field-by-field
 * {@code errors} list, 401, 403, 404, 409 with the current version, and a generic 500
 * that never carries a stack trace or exception text.
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@ExceptionHandler(InvalidInputException.class)
	ProblemDetail invalid(InvalidInputException ex) {
		return invalid(ex.problems().stream().map((p) -> new FieldMessage(p.field(), p.message())).toList());
	}

	@ExceptionHandler(ConstraintViolationException.class)
	ProblemDetail violated(ConstraintViolationException ex) {
		return invalid(ex.getConstraintViolations()
			.stream()
			.map((violation) -> new FieldMessage(lastNode(violation.getPropertyPath().toString()),
					violation.getMessage()))
			.toList());
	}

	@ExceptionHandler(NotFoundException.class)
	ProblemDetail notFound(NotFoundException ex) {
		return problem(HttpStatus.NOT_FOUND, "Not found", ex.resourceType() + " not found");
	}

	@ExceptionHandler(VersionConflictException.class)
	ProblemDetail conflict(VersionConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Version conflict",
				"The record was changed by someone else. Read it again and reapply your change.");
		problem.setProperty("currentVersion", ex.currentVersion());
		return problem;
	}

	@ExceptionHandler(ConflictException.class)
	ProblemDetail conflict(ConflictException ex) {
		ProblemDetail problem = problem(HttpStatus.CONFLICT, "Conflict", ex.getMessage());
		problem.setProperty("conflict",
				java.util.Map.of("resourceType", ex.resourceType(), "resourceId", String.valueOf(ex.resourceId())));
		ex.properties().forEach(problem::setProperty);
		return problem;
	}

	@ExceptionHandler(RuleViolationException.class)
	ProblemDetail ruleViolation(RuleViolationException ex) {
		ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_CONTENT, "Refused by a safety rule", ex.getMessage());
		problem.setProperty("reasons", ex.reasons());
		return problem;
	}

	@ExceptionHandler(TooManyRequestsException.class)
	ResponseEntity<ProblemDetail> tooMany(TooManyRequestsException ex) {
		return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
			.body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests", ex.getMessage()));
	}

	@ExceptionHandler(TemporarilyUnavailableException.class)
	ResponseEntity<ProblemDetail> busy(TemporarilyUnavailableException ex) {
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()))
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Not saved", ex.getMessage()));
	}

	@ExceptionHandler(OptimisticLockingFailureException.class)
	ProblemDetail concurrentChange(OptimisticLockingFailureException ex) {
		return problem(HttpStatus.CONFLICT, "Version conflict",
				"The record was changed at the same moment. Read it again and reapply your change.");
	}

	/**
	 * A deadlock victim or a lock wait that timed out: the transaction was rolled back
	 * whole, so sending the same request again is safe — a 503 that says so, not a 500.
	 */
	@ExceptionHandler(PessimisticLockingFailureException.class)
	ResponseEntity<ProblemDetail> lockLost(PessimisticLockingFailureException ex) {
		log.warn("A transaction lost a lock and was rolled back: {}", ex.getMostSpecificCause().getMessage());
		return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
			.header(HttpHeaders.RETRY_AFTER, "1")
			.body(problem(HttpStatus.SERVICE_UNAVAILABLE, "Not saved",
					"Another change to the same records was being saved at the same moment; nothing was saved. Send it again."));
	}

	@ExceptionHandler(AccessDeniedException.class)
	ProblemDetail forbidden(AccessDeniedException ex) {
		return problem(HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.");
	}

	@ExceptionHandler(StepUpRequiredException.class)
	ProblemDetail stepUp(StepUpRequiredException ex) {
		ProblemDetail problem = problem(HttpStatus.FORBIDDEN, "Second factor required", ex.getMessage());
		problem.setProperty("stepUpRequired", true);
		return problem;
	}

	@ExceptionHandler(AuthenticationCredentialsNotFoundException.class)
	ProblemDetail unauthenticated(AuthenticationCredentialsNotFoundException ex) {
		return problem(HttpStatus.UNAUTHORIZED, "Authentication required", "Sign in first.");
	}

	@ExceptionHandler(Exception.class)
	ProblemDetail unexpected(Exception ex) {
		log.error("Unexpected error on the API", ex);
		return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
				"Something went wrong on our side; nothing was saved. The error has been logged.");
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldMessage> errors = ex.getBindingResult()
			.getAllErrors()
			.stream()
			.map((error) -> new FieldMessage(
					(error instanceof FieldError field) ? field.getField() : error.getObjectName(),
					error.getDefaultMessage()))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		List<FieldMessage> errors = ex.getParameterValidationResults()
			.stream()
			.flatMap((result) -> result.getResolvableErrors()
				.stream()
				.map((error) -> new FieldMessage(result.getMethodParameter().getParameterName(),
						error.getDefaultMessage())))
			.toList();
		return ResponseEntity.badRequest().body(invalid(errors));
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(problem(HttpStatus.BAD_REQUEST, "Unreadable request",
					"The body is not valid JSON of the expected shape (check types, dates as YYYY-MM-DD, "
							+ "instants as ISO-8601 and enum values)."));
	}

	private static String lastNode(String path) {
		return path.substring(path.lastIndexOf('.') + 1);
	}

	private static ProblemDetail invalid(List<FieldMessage> errors) {
		ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input",
				"Some fields are invalid; nothing was saved.");
		problem.setProperty("errors",
				errors.stream().map((e) -> Map.of("field", e.field(), "message", e.message())).toList());
		return problem;
	}

	private static ProblemDetail problem(HttpStatus status, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setTitle(title);
		return problem;
	}

	private record FieldMessage(String field, String message) {
	}

}
