package org.kapclinic;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Fails the build when a module reaches into another's internals or breaks the allowed
 * dependencies.
 */
class ModularityTests {

	@Test
	void modulesRespectTheirBoundaries() {
		ApplicationModules.of(KapClinicApplication.class).verify();
	}

}
