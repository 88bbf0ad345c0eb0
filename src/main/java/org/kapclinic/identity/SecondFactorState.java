package org.kapclinic.identity;

/**
 * Where a staff member stands with two-factor sign-in when they sign in with their
 * password.
 */
enum SecondFactorState {

	/** No second factor set up, and none required for their roles. */
	NOT_REQUIRED,

	/**
	 * Their roles require one ({@code kap.security.mfa-required-roles}) and none is set
	 * up: they may only set one up.
	 */
	TO_SET_UP,

	/** One is set up: signing in takes a code from it (or a recovery code). */
	ENROLLED;

	/** Whether a code is asked for or a set-up is due before the person gets in. */
	boolean pending() {
		return this != NOT_REQUIRED;
	}

}
