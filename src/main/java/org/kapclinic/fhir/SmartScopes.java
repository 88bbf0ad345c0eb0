package org.kapclinic.fhir;

import java.util.Collection;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import org.kapclinic.identity.BackendClients;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * What a backend service's scopes let it do, checked on every FHIR request it makes.
 * SMART v2 ({@code system/Patient.rs}: c create, r read, u update, d delete, s search)
 * and v1 ({@code system/Patient.read}: read and search; {@code write}: create, update,
 * delete), for one resource type or {@code *}. Staff tokens are not limited here: the
 * chart's rules apply to them in the modules.
 */
@Component
class SmartScopes {

	static final Pattern SCOPE = Pattern.compile("^system/(\\*|[A-Z][A-Za-z]+)\\.(read|write|\\*|c?r?u?d?s?)$");

	/** The resource types this server holds (a scope may name only these, or *). */
	static final Set<String> RESOURCE_TYPES = Set.of("Patient", "Observation", "QuestionnaireResponse", "Encounter",
			"MedicationAdministration", "Group", "Practitioner", "CareTeam", "RelatedPerson", "Condition",
			"Appointment", "AuditEvent", "Provenance", "Consent", "DocumentReference", "Questionnaire", "Binary");

	/**
	 * Types a wildcard scope does not open: the audit trail is for administrators (issue
	 * 22, "AuditEvent (read-only, ADMIN scope)"), so a client needs a scope that names it
	 * ({@code system/AuditEvent.rs}); {@code system/*.rs} alone reads the clinical
	 * record, not who looked at it.
	 */
	static final Set<String> NAMED_ONLY = Set.of("AuditEvent");

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request, RestOperationTypeEnum operation) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication.getAuthorities()
			.stream()
			.noneMatch((a) -> BackendClients.AUTHORITY.equals(a.getAuthority()))) {
			return;
		}
		if (operation == RestOperationTypeEnum.METADATA || isExport(request)) {
			// An export checks each type it writes against the scopes (BulkExports).
			return;
		}
		char needed = switch (operation) {
			case READ, VREAD -> 'r';
			case SEARCH_TYPE -> 's';
			case CREATE -> 'c';
			case UPDATE -> 'u';
			case DELETE -> 'd';
			// The only transactions this server accepts create Patients.
			case TRANSACTION -> 'c';
			default -> '?';
		};
		String type = (operation == RestOperationTypeEnum.TRANSACTION) ? "Patient" : request.getResourceName();
		if (needed == '?' || type == null || !permits(scopes(authentication.getAuthorities()), type, needed)) {
			throw new ForbiddenOperationException(
					"This client's token does not grant system/" + ((type != null) ? type : "*") + "." + needed
							+ " (ask for it, if the client is registered for it)");
		}
	}

	private static boolean isExport(RequestDetails request) {
		return request.getOperation() != null && request.getOperation().startsWith("$export");
	}

	/**
	 * Whether any of the scopes allows the interaction ({@code c r u d s}) on the type.
	 */
	static boolean permits(Collection<String> scopes, String type, char interaction) {
		for (String scope : scopes) {
			Matcher m = SCOPE.matcher(scope);
			boolean named = m.matches() && m.group(1).equals(type);
			boolean wildcard = m.matches() && m.group(1).equals("*") && !NAMED_ONLY.contains(type);
			if (!named && !wildcard) {
				continue;
			}
			String permissions = switch (m.group(2)) {
				case "read" -> "rs";
				case "write" -> "cud";
				case "*" -> "cruds";
				default -> m.group(2);
			};
			if (permissions.indexOf(interaction) >= 0) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> scopes(Collection<? extends GrantedAuthority> authorities) {
		return authorities.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith(BackendClients.SCOPE_PREFIX))
			.map((a) -> a.substring(BackendClients.SCOPE_PREFIX.length()))
			.collect(java.util.stream.Collectors.toSet());
	}

}
