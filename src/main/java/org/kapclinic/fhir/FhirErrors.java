package org.kapclinic.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Our refusals as FHIR answers (an OperationOutcome with the HTTP status the JSON API
 * gives): a patient the caller may not see is not found, a role that may not see clinical
 * content is forbidden, bad input is a bad request.
 */
@Component
class FhirErrors {

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException translate(Throwable thrown) {
		// HAPI wraps what a provider throws (reflection, then its own exception).
		Throwable cause = thrown;
		while (cause.getCause() != null && !(cause instanceof NotFoundException
				|| cause instanceof AccessDeniedException || cause instanceof InvalidInputException)) {
			cause = cause.getCause();
		}
		if (cause instanceof NotFoundException notFound) {
			return new ResourceNotFoundException(notFound.getMessage());
		}
		if (cause instanceof AccessDeniedException denied) {
			return new ForbiddenOperationException(denied.getMessage());
		}
		if (cause instanceof InvalidInputException invalid) {
			return new InvalidRequestException(invalid.problems()
				.stream()
				.map((p) -> p.field() + ": " + p.message())
				.reduce((a, b) -> a + "; " + b)
				.orElse("Invalid input"));
		}
		return (thrown instanceof BaseServerResponseException response) ? response : null;
	}

}
