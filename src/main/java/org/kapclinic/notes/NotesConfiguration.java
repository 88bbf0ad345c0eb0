package org.kapclinic.notes;

import java.util.List;

import org.kapclinic.patient.ChartTab;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The Notes tab on the chart, and the empty session timeline until dosing plugs in. */
@Configuration(proxyBeanMethods = false)
class NotesConfiguration {

	@Bean
	ChartTab notesChartTab() {
		return new ChartTab("notes", "Notes", "journal-text", 30, true);
	}

	@Bean
	@ConditionalOnMissingBean(SessionTimeline.class)
	SessionTimeline noSessionTimeline() {
		return (dosingSessionId) -> List.of();
	}

}
