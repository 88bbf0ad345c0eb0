/**
 * The patient portal (issue 21): patients' and guardians' own accounts (invited by staff,
 * a password and an authenticator code, or a passkey alone), their own security chain,
 * cookie and sign-in page under {@code /portal/}, and the pages a patient uses between
 * sessions. Everything here shows the signed-in patient's own record only, through
 * {@link org.kapclinic.shared.SelfAccess}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patient portal",
		allowedDependencies = { "patient", "intake", "dosing", "notes", "scheduling", "measures", "tasks",
				"notification", "identity", "identity::one-time-codes", "identity::passkey-ceremonies", "audit",
				"shared" })
package org.kapclinic.portal;
