package org.kapclinic.portal;

import java.util.Set;

import org.kapclinic.identity.Role;
import org.kapclinic.intake.ConsentWithdrawn;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A consent withdrawn by the patient or their guardian in the portal (issue 21) gets an
 * urgent task for the care team, in the same transaction as the withdrawal (no withdrawal
 * nobody hears of): a withdrawn treatment consent already stops the next dose, and the
 * patient is to be called about what it means for their care. Withdrawals the care team
 * records themselves need no task. Here, not in the tasks module: tasks sits below intake
 * (docs/architecture.md), and only portal withdrawals open one.
 */
@Component
class ConsentWithdrawalTasks {

	static final String KIND = "CONSENT_WITHDRAWN";

	private final CareTasks tasks;

	ConsentWithdrawalTasks(CareTasks tasks) {
		this.tasks = tasks;
	}

	@EventListener
	void withdrawn(ConsentWithdrawn withdrawn) {
		if (!withdrawn.inPortal()) {
			return;
		}
		this.tasks.open(new NewTask(withdrawn.patientId(), TaskPriority.URGENT, KIND,
				"Consent withdrawn in the portal: " + withdrawn.title(), "Reason given: " + withdrawn.reason(),
				"ConsentSignature", withdrawn.signatureId(), false, null,
				Set.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST),
				"/patients/" + withdrawn.patientId() + "/eligibility", "See consents"));
	}

}
