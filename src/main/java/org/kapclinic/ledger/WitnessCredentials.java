package org.kapclinic.ledger;

/**
 * A second staff member's own username and password, typed in by that person at the
 * recorder's screen.
 */
record WitnessCredentials(String username, String password) {

	boolean complete() {
		return this.username != null && !this.username.isBlank() && this.password != null && !this.password.isEmpty();
	}

	@Override
	public String toString() {
		return "WitnessCredentials[" + this.username + "]";
	}

}
