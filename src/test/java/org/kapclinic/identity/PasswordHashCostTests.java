package org.kapclinic.identity;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code kap.security.password-hash-cost}: BCrypt at 10 unless set (OWASP Password
 * Storage Cheat Sheet: a work factor of 10 or more), as BCrypt's own bounds allow (4–31),
 * and a hash made at one cost still verifies after the cost changes (the cost is in the
 * hash).
 */
class PasswordHashCostTests {

	private final SecurityConfiguration configuration = new SecurityConfiguration();

	@Test
	void passwordsAreHashedWithBcryptAtCost10UnlessSet() {
		String hash = this.configuration.passwordEncoder(settings(null)).encode("fictional-pass-2026");
		assertThat(hash).startsWith("{bcrypt}$2a$10$");
	}

	@Test
	void aHashMadeAtOneCostStillVerifiesAtAnother() {
		String cheap = this.configuration.passwordEncoder(settings(4)).encode("fictional-pass-2026");
		assertThat(cheap).startsWith("{bcrypt}$2a$04$");
		assertThat(this.configuration.passwordEncoder(settings(12)).matches("fictional-pass-2026", cheap)).isTrue();
		assertThat(this.configuration.passwordEncoder(settings(12)).matches("fictional-pass-2027", cheap)).isFalse();
	}

	@Test
	void aCostBcryptCannotUseStopsTheStartWithTheSettingsName() {
		assertThat(settings(4).passwordHashCost()).isEqualTo(4);
		assertThat(settings(31).passwordHashCost()).isEqualTo(31);
		assertThatIllegalArgumentException().isThrownBy(() -> settings(3))
			.withMessageContaining("kap.security.password-hash-cost");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(32))
			.withMessageContaining("kap.security.password-hash-cost");
	}

	private static IdentitySettings settings(Integer cost) {
		return new IdentitySettings(null, null, null, null, null, null, null, null, null, null, null, null, cost);
	}

}
