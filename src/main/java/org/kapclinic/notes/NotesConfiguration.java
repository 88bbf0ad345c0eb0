package org.kapclinic.notes;

import java.util.List;

import org.kapclinic.dosing.SessionReads;
import org.kapclinic.patient.ChartTab;
import org.kapclinic.shared.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Notes tab on the chart, and the in-session timeline a dosing-session note pulls
 * from the dosing module (access-checked and audited there).
 */
@Configuration(proxyBeanMethods = false)
class NotesConfiguration {

	@Bean
	ChartTab notesChartTab() {
		return new ChartTab("notes", "Notes", "journal-text", 30, true);
	}

	@Bean
	SessionTimeline dosingSessionTimeline(SessionReads sessions) {
		return (patientId, dosingSessionId) -> {
			try {
				return sessions.timeline(patientId, dosingSessionId)
					.stream()
					.map((e) -> new SessionTimeline.Entry(e.at(), e.kind(), e.kindLabel(), e.text()))
					.toList();
			}
			catch (NotFoundException ex) {
				return List.of();
			}
		};
	}

}
