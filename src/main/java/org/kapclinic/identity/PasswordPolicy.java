package org.kapclinic.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kapclinic.shared.InvalidInputException.FieldProblem;

/** What a new password must satisfy, for administrators and users alike. */
final class PasswordPolicy {

	/** BCrypt reads at most 72 bytes; longer passwords would be silently cut. */
	private static final int MAX_BYTES = 72;

	private PasswordPolicy() {
	}

	static List<FieldProblem> problems(String password, String username, int minLength) {
		List<FieldProblem> problems = new ArrayList<>();
		if (password == null || password.length() < minLength) {
			problems.add(new FieldProblem("password", "must be at least " + minLength + " characters"));
		}
		else if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			problems.add(new FieldProblem("password", "must be at most 72 bytes"));
		}
		else if (username != null && !username.isEmpty()
				&& password.toLowerCase(Locale.ROOT).contains(username.toLowerCase(Locale.ROOT))) {
			problems.add(new FieldProblem("password", "must not contain the username"));
		}
		return problems;
	}

}
