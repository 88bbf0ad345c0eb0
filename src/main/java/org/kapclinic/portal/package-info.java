/**
 * The patient portal (issue 21): patients' own accounts (invited by staff, a password and
 * an authenticator code), their own security chain, cookie and sign-in page under
 * {@code /portal/}, and the pages a patient uses between sessions. Everything here shows
 * the signed-in patient's own record only, through
 * {@link org.kapclinic.portal.PortalAccess}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patient portal", allowedDependencies = { "patient",
		"scheduling", "measures", "tasks", "notification", "identity", "identity::one-time-codes", "audit", "shared" })
package org.kapclinic.portal;
