package org.kapclinic.operations;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each production guard at its boundary (issue 17, "Production guards": fsync or
 * synchronous_commit off, a superuser or owner as the application's login, no TLS and no
 * trusted proxy).
 */
class ProductionGuardsTests {

	private static final ServerFacts SAFE = new ServerFacts("on", "on", "kap_app", false, 0);

	@Test
	void aSafeServerBehindATrustedProxyPasses() {
		assertThat(ProductionGuards.problems(SAFE, true)).isEmpty();
		assertThat(ProductionGuards.problems(new ServerFacts("on", "remote_apply", "kap_app", false, 0), true))
			.as("stricter commit levels are fine")
			.isEmpty();
	}

	@Test
	void eachUnsafeSettingIsNamed() {
		assertThat(ProductionGuards.problems(new ServerFacts("off", "on", "kap_app", false, 0), true))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("fsync = off");
		assertThat(ProductionGuards.problems(new ServerFacts("on", "off", "kap_app", false, 0), true))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("synchronous_commit");
		assertThat(ProductionGuards.problems(new ServerFacts("on", "on", "postgres", true, 120), true))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("postgres, a superuser");
		assertThat(ProductionGuards.problems(new ServerFacts("on", "on", "kap_owner", false, 1), true))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("owns 1 tables");
		assertThat(ProductionGuards.problems(SAFE, false))
			.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.contains("kap.security.trusted-proxies");
	}

	@Test
	void everyProblemIsReportedAtOnce() {
		assertThat(ProductionGuards.problems(new ServerFacts("off", "off", "postgres", true, 5), false)).hasSize(4);
	}

}
