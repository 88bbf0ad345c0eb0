package org.kapclinic.audit;

/**
 * Type of action (ASTM E2147-18 7.1.6 plus the security events ONC asks for). The code is
 * what the log stores and the API returns; the label is what the audit page shows.
 */
public enum AuditAction {

	CREATE("Created"), READ("Viewed"), UPDATE("Changed"), VOID("Voided"), QUERY("Searched"), EXPORT("Exported"),
	LOGIN("Signed in"), LOGOUT("Signed out"), LOGIN_FAILED("Sign-in failed"), ACCOUNT_LOCKED("Account locked"),
	TOKEN_ISSUED("API token issued"), TOKEN_REVOKED("API token revoked"), PRIVILEGE_CHANGE("Access changed"),
	MFA_ENROLLED("Two-factor sign-in set up"), BREAK_GLASS("Emergency access (break-glass)"), SYSTEM("System");

	private final String label;

	AuditAction(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
