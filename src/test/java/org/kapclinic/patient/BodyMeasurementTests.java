package org.kapclinic.patient;

import java.math.BigDecimal;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BodyMeasurementTests {

	@Test
	void bodyMassIndexNeedsBothValues() {
		assertThat(measurement("70", "175").bmi()).isEqualByComparingTo("22.9");
		assertThat(measurement("70", null).bmi()).isNull();
	}

	private static BodyMeasurement measurement(String weight, String height) {
		return new BodyMeasurement(null, new BigDecimal(weight), (height != null) ? new BigDecimal(height) : null,
				Instant.EPOCH, Instant.EPOCH, null, null, null);
	}

}
