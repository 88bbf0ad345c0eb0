package org.kapclinic.measures;

import org.kapclinic.patient.ChartTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the outcome measures page on the patient chart. */
@Configuration(proxyBeanMethods = false)
class MeasuresChartTabs {

	@Bean
	ChartTab measuresChartTab() {
		return new ChartTab("measures", "Measures", "graph-up", 20, true);
	}

}
