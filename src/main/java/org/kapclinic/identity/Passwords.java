package org.kapclinic.identity;

import java.util.List;

import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Passwords for accounts other than staff's (the patient portal, issue 21): the same
 * rules ({@link PasswordPolicy}, NIST SP 800-63B) and the same hashing as staff
 * passwords.
 */
@Component
public class Passwords {

	private final PasswordEncoder encoder;

	private final IdentitySettings settings;

	Passwords(PasswordEncoder encoder, IdentitySettings settings) {
		this.encoder = encoder;
		this.settings = settings;
	}

	/** What is wrong with a new password (none: it may be used). */
	public List<FieldProblem> problems(String password, String account) {
		return PasswordPolicy.problems(password, account, this.settings.minPasswordLength());
	}

	public String hash(String password) {
		return this.encoder.encode(password);
	}

	public boolean matches(String password, String hash) {
		return password != null && hash != null && this.encoder.matches(password, hash);
	}

}
