package org.kapclinic.audit;

/** Type of action (ASTM E2147-18 7.1.6 plus the security events ONC asks for). */
public enum AuditAction {

	CREATE, READ, UPDATE, VOID, QUERY, EXPORT, LOGIN, LOGOUT, LOGIN_FAILED, ACCOUNT_LOCKED, TOKEN_ISSUED, TOKEN_REVOKED,
	PRIVILEGE_CHANGE, SYSTEM

}
