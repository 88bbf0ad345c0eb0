package org.kapclinic.identity;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessable passwords are refused even when they are long enough (NIST SP 800-63B
 * 5.1.1.2: refuse passwords from breach corpuses and dictionaries); the test passwords
 * used across the suite stay acceptable.
 */
class PasswordPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "Password1234", "password1234", "qwertyuiop12", "iloveyou2026", "Welcome12345",
			"aaaaaaaaaaaa", "123456789012" })
	void guessablePasswordsOfTwelveCharactersAreRefused(String password) {
		assertThat(PasswordPolicy.problems(password, "nurse.new", 12)).extracting((p) -> p.message())
			.anyMatch((message) -> message.contains("too easy to guess"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "correct-horse-battery", "another-long-passphrase", "a-new-long-passphrase",
			"first-admin-passphrase", "lantern quarry mosaic thimble", "a-long-enough-password",
			"synthetic-pass-2030" })
	void unrelatedWordsPass(String password) {
		assertThat(PasswordPolicy.problems(password, "nurse.new", 12)).isEqualTo(List.of());
	}

}
