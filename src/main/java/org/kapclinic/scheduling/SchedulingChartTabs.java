package org.kapclinic.scheduling;

import org.kapclinic.patient.ChartTab;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts the patient's courses and appointments on the chart (front desk sees
 * appointments).
 */
@Configuration(proxyBeanMethods = false)
class SchedulingChartTabs {

	@Bean
	ChartTab scheduleChartTab() {
		return new ChartTab("schedule", "Schedule", "calendar-week", 15, false);
	}

}
