package org.kapclinic.dosing;

import org.kapclinic.patient.ChartTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the patient's dosing sessions (and check-in) on the chart, for clinical readers.
 */
@Configuration(proxyBeanMethods = false)
class DosingChartTabs {

	@Bean
	ChartTab dosingChartTab() {
		return new ChartTab("dosing", "Dosing", "droplet-half", 18, true);
	}

}
