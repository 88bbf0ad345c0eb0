package org.kapclinic.intake;

import org.kapclinic.patient.ChartTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Puts the eligibility and consent page on the patient chart. */
@Configuration(proxyBeanMethods = false)
class IntakeChartTabs {

	@Bean
	ChartTab eligibilityChartTab() {
		return new ChartTab("eligibility", "Eligibility & consent", "clipboard2-check", 10, true);
	}

}
