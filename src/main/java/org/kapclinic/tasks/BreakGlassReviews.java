package org.kapclinic.tasks;

import java.util.Set;

import org.kapclinic.identity.Role;
import org.kapclinic.patient.BreakGlass;
import org.kapclinic.patient.BreakGlassUsed;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Every break-glass gets an urgent review task for the clinic's administrators and the
 * patient's prescriber, in the same transaction as the grant (no grant without its
 * review); the review closes it.
 */
@Component
class BreakGlassReviews {

	static final String KIND = "BREAK_GLASS_REVIEW";

	private final CareTasks tasks;

	BreakGlassReviews(CareTasks tasks) {
		this.tasks = tasks;
	}

	@EventListener
	void used(BreakGlassUsed used) {
		this.tasks.open(new NewTask(used.patientId(), TaskPriority.URGENT, KIND,
				"Review emergency access by " + used.username(), "Reason given: " + used.reason(), "BreakGlass",
				used.grantId(), true, null, Set.of(Role.PRESCRIBER), "/break-glass/reviews", "Review break-glass"),
				Set.of(Role.ADMIN));
	}

	@EventListener
	void reviewed(BreakGlass.BreakGlassReviewed reviewed) {
		this.tasks.completeBySource("BreakGlass", reviewed.grantId(), reviewed.reviewerId(), "break-glass reviewed");
	}

}
