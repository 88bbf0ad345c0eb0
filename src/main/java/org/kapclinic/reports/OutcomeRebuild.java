package org.kapclinic.reports;

import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kapclinic.dosing.CourseDosing;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.task.TaskExecutor;
import org.springframework.stereotype.Component;

/**
 * Derives every row of the outcomes read model again when the rules or settings it was
 * made under have changed (a new {@code OutcomeRules.VERSION}, a changed baseline window,
 * tolerance or cutoff), and on the first start: in the background, so the application is
 * ready at once; the report says which rules its rows were made under. Data loaded
 * without events (the demo clinic, imports) is picked up the same way.
 */
@Component
class OutcomeRebuild {

	private static final Logger log = LoggerFactory.getLogger(OutcomeRebuild.class);

	private static final int PAGE = 500;

	private final OutcomeReadModel model;

	private final CourseDosing dosing;

	private final TaskExecutor executor;

	OutcomeRebuild(OutcomeReadModel model, CourseDosing dosing, TaskExecutor applicationTaskExecutor) {
		this.model = model;
		this.dosing = dosing;
		this.executor = applicationTaskExecutor;
	}

	@EventListener(ApplicationReadyEvent.class)
	void rebuildIfStale() {
		String version = this.model.rulesVersion();
		if (!this.model.rebuiltUnder().map(version::equals).orElse(false)) {
			log.info("Outcomes read model: rebuilding under {} in the background", version);
			this.executor.execute(() -> rebuild(version));
		}
	}

	/** Every patient with a dose in a course; returns how many. */
	int rebuild(String version) {
		long started = System.nanoTime();
		int patients = 0;
		UUID after = null;
		while (true) {
			List<UUID> page = this.dosing.patientsWithDoses(after, PAGE);
			for (UUID patientId : page) {
				this.model.refresh(patientId);
			}
			patients += page.size();
			if (page.size() < PAGE) {
				break;
			}
			after = page.get(page.size() - 1);
		}
		this.model.rebuilt(version);
		log.info("Outcomes read model rebuilt under {}: {} patients in {} ms", version, patients,
				(System.nanoTime() - started) / 1_000_000);
		return patients;
	}

}
