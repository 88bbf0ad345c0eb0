package org.kapclinic.reports;

import org.kapclinic.dosing.DoseGiven;
import org.kapclinic.measures.ScoreRecorded;
import org.kapclinic.scheduling.AppointmentClosed;
import org.kapclinic.scheduling.AppointmentStatus;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the outcomes read model current (ADR 7): after a score or a dose is committed,
 * the patient's rows are derived again, asynchronously, so the clinical write pays only
 * for its event. The event publication registry holds each event until this has run: one
 * a crash interrupted is handled again at the next start.
 */
@Component
class OutcomeUpdates {

	private final OutcomeReadModel model;

	OutcomeUpdates(OutcomeReadModel model) {
		this.model = model;
	}

	@ApplicationModuleListener
	void on(ScoreRecorded recorded) {
		this.model.refresh(recorded.patientId());
	}

	@ApplicationModuleListener
	void on(DoseGiven given) {
		this.model.refresh(given.patientId());
	}

	/** An integration session attended counts toward the course's dose-response. */
	@ApplicationModuleListener
	void on(AppointmentClosed closed) {
		if (closed.status() == AppointmentStatus.COMPLETED && closed.courseId() != null
				&& closed.type().integration()) {
			this.model.refresh(closed.patientId());
		}
	}

}
