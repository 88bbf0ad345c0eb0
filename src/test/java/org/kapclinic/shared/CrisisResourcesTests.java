package org.kapclinic.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CrisisResourcesTests {

	@Test
	void crisisNumbersAreDialledAsDigits() {
		CrisisResources crisis = new CrisisResources(null, null, null, "+1 (555) 010-0");
		assertThat(crisis.crisisDial()).isEqualTo("988");
		assertThat(crisis.emergencyDial()).isEqualTo("911");
		assertThat(crisis.clinicDial()).isEqualTo("+15550100");
		assertThat(new CrisisResources(null, null, null, " ").clinicPhone()).isNull();
	}

}
