package org.kapclinic.identity;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import me.gosimple.nbvcxz.Nbvcxz;

import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * What a new password must satisfy, for administrators and users alike: long enough, not
 * the username, and not guessable. Guessability is nbvcxz's estimate (a Java port of
 * zxcvbn's approach, MIT) against its shipped dictionaries of common and breached
 * passwords, names and words, with keyboard patterns, dates and repeats; a password it
 * scores below 3 of 4 (fewer than about 10^8 guesses) is refused, as NIST SP 800-63B
 * 5.1.1.2 asks a verifier to refuse passwords from breach corpuses and dictionaries.
 * {@code Password1234} was accepted before (issue 16 finding 6).
 */
final class PasswordPolicy {

	/** BCrypt reads at most 72 bytes; longer passwords would be silently cut. */
	private static final int MAX_BYTES = 72;

	/**
	 * The lowest nbvcxz score accepted (0–4; 3 = "safely unguessable", ~10^8 guesses).
	 */
	private static final int MIN_SCORE = 3;

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
		else if (Guessability.ESTIMATOR.estimate(password).getBasicScore() < MIN_SCORE) {
			problems.add(new FieldProblem("password", "is too easy to guess (a common password, a word with digits, "
					+ "or a keyboard pattern): try three or four unrelated words"));
		}
		return problems;
	}

	/** Loaded on first use: the dictionaries take a moment and some memory. */
	private static final class Guessability {

		static final Nbvcxz ESTIMATOR = new Nbvcxz();

	}

}
