package org.kapclinic.fhir;

import java.text.ParseException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientAuthenticationToken;
import org.springframework.security.web.authentication.AuthenticationConverter;

/**
 * Reads a JWT client assertion at the token endpoint when the request names no
 * {@code client_id}: SMART Backend Services' token request carries only the assertion
 * (RFC 7523 §3 makes client_id optional), which Spring Authorization Server's own
 * converter refuses. The client is the assertion's {@code sub}, read unverified here:
 * {@link ClientAssertions} then checks the signature with that client's keys and
 * {@code iss = sub = client}. A request that does send client_id is left to Spring's
 * converter.
 */
class AssertionWithoutClientId implements AuthenticationConverter {

	static final String JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

	@Override
	public Authentication convert(HttpServletRequest request) {
		String type = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE);
		String assertion = request.getParameter(OAuth2ParameterNames.CLIENT_ASSERTION);
		if (!JWT_BEARER.equals(type) || assertion == null
				|| request.getParameter(OAuth2ParameterNames.CLIENT_ID) != null) {
			return null;
		}
		String clientId;
		try {
			clientId = SignedJWT.parse(assertion).getJWTClaimsSet().getSubject();
		}
		catch (ParseException ex) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		if (clientId == null || clientId.isBlank()) {
			throw new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_CLIENT);
		}
		Map<String, Object> additional = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> {
			if (!name.equals(OAuth2ParameterNames.CLIENT_ASSERTION_TYPE)
					&& !name.equals(OAuth2ParameterNames.CLIENT_ASSERTION) && values.length == 1) {
				additional.put(name, values[0]);
			}
		});
		// The method Spring's JWT assertion provider answers to: the assertion type.
		return new OAuth2ClientAuthenticationToken(clientId, new ClientAuthenticationMethod(JWT_BEARER), assertion,
				additional);
	}

}
