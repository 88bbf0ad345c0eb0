package org.kapclinic.identity;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * RFC 9457 answers for API requests refused by the security filters. The texts are
 * generic on purpose: an unknown user and a wrong password look the same.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException exception)
			throws IOException {
		response.setHeader("WWW-Authenticate", "Bearer");
		write(response, HttpStatus.UNAUTHORIZED, "Authentication required",
				"Sign in with POST /api/v1/auth/token and send the token as 'Authorization: Bearer …'.",
				request.getRequestURI());
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException exception)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getAuthorities()
			.stream()
			.anyMatch((authority) -> BearerTokenFilter.ENROLMENT_ONLY.equals(authority.getAuthority()))) {
			response.setStatus(HttpStatus.FORBIDDEN.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Two-factor sign-in to set up\",\"status\":403,"
						+ "\"detail\":\"Your role signs in with a second factor. Set it up first: POST /api/v1/me/mfa/totp, "
						+ "then POST /api/v1/me/mfa/totp/confirm with a code from the app; then sign in again with otp.\","
						+ "\"mfaEnrollmentRequired\":true}");
			return;
		}
		write(response, HttpStatus.FORBIDDEN, "Forbidden", "Your role does not allow this.", request.getRequestURI());
	}

	static void write(HttpServletResponse response, HttpStatus status, String title, String detail, String instance)
			throws IOException {
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.getWriter()
			.write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
					+ ",\"detail\":\"" + detail + "\",\"instance\":\"" + instance.replaceAll("[\"\\\\<>]", "") + "\"}");
	}

}
