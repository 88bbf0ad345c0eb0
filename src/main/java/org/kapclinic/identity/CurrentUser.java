package org.kapclinic.identity;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, for service-layer access rules. */
@Component
public class CurrentUser {

	/**
	 * The signed-in staff member; never null.
	 * @throws AuthenticationCredentialsNotFoundException when nobody is signed in
	 */
	/**
	 * The signed-in staff member, if a staff member is signed in (not a patient link).
	 */
	public java.util.Optional<StaffMember> find() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			return java.util.Optional.of(principal.member());
		}
		return java.util.Optional.empty();
	}

	public StaffMember require() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof StaffPrincipal principal) {
			return principal.member();
		}
		throw new AuthenticationCredentialsNotFoundException("No staff member is signed in");
	}

}
