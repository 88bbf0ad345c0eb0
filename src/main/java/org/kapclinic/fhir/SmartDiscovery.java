package org.kapclinic.fhir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;
import org.springframework.stereotype.Component;

/**
 * How a client finds our authorization server:
 * {@code /fhir/.well-known/smart-configuration} (SMART App Launch 2.x, "Conformance":
 * served under the FHIR base) and the SMART {@code oauth-uris} extension in the
 * CapabilityStatement's security. Backend services only: client credentials with a signed
 * JWT assertion (SMART Backend Services, RS384/ES384).
 */
@Component
class SmartDiscovery {

	static final String WELL_KNOWN = "/.well-known/smart-configuration";

	static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

	static final String TOKEN_PATH = "/oauth2/token";

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_PROCESSED)
	public boolean serveConfiguration(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (!WELL_KNOWN.equals(request.getPathInfo()) || !"GET".equals(request.getMethod())) {
			return true;
		}
		String token = origin(request) + TOKEN_PATH;
		String json = """
				{"token_endpoint":"%s",
				 "grant_types_supported":["client_credentials"],
				 "token_endpoint_auth_methods_supported":["private_key_jwt"],
				 "token_endpoint_auth_signing_alg_values_supported":["RS384","ES384"],
				 "scopes_supported":["system/*.rs","system/*.read","system/Patient.rs","system/Observation.rs"],
				 "capabilities":["client-confidential-asymmetric","permission-v1","permission-v2"]}
				""".formatted(token);
		response.setStatus(200);
		response.setContentType("application/json");
		response.setCharacterEncoding("UTF-8");
		response.getOutputStream().write(json.getBytes(StandardCharsets.UTF_8));
		return false;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void declareSecurity(IBaseConformance statement, ServletRequestDetails request) {
		CapabilityStatement capability = (CapabilityStatement) statement;
		if (capability.getRest().isEmpty()) {
			return;
		}
		CapabilityStatement.CapabilityStatementRestSecurityComponent security = capability.getRestFirstRep()
			.getSecurity();
		security.setCors(false)
			.addService()
			.addCoding()
			.setSystem("http://terminology.hl7.org/CodeSystem/restful-security-service")
			.setCode("SMART-on-FHIR");
		security.setDescription("SMART Backend Services (client credentials, private_key_jwt) or a staff bearer token");
		// The extension requires both; Spring Authorization Server serves the authorize
		// endpoint, though no client registered here may use it (backend services only).
		String origin = origin(request.getServletRequest());
		Extension uris = security.addExtension().setUrl(OAUTH_URIS);
		uris.addExtension("token", new UriType(origin + TOKEN_PATH));
		uris.addExtension("authorize", new UriType(origin + "/oauth2/authorize"));
	}

	/** The application's origin and context path, as the client reached us. */
	private static String origin(HttpServletRequest request) {
		String url = request.getRequestURL().toString();
		return url.substring(0, url.length() - request.getRequestURI().length()) + request.getContextPath();
	}

}
