/**
 * Staff accounts and how they sign in: roles, password hashing, lockout, idle sessions,
 * API bearer tokens, and the current user. Other modules ask
 * {@link org.kapclinic.identity.CurrentUser} and
 * {@link org.kapclinic.identity.UserDirectory}; everything else here is internal.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity and access",
		allowedDependencies = { "audit", "shared" })
package org.kapclinic.identity;
