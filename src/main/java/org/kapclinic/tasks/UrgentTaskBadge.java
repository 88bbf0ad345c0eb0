package org.kapclinic.tasks;

import org.kapclinic.identity.CurrentUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Puts the signed-in user's urgent-task count on every staff page (the navigation badge),
 * so a suicide-risk review is seen from wherever the clinician is working.
 */
@ControllerAdvice(annotations = Controller.class)
class UrgentTaskBadge {

	private final CareTasks tasks;

	private final CurrentUser currentUser;

	UrgentTaskBadge(CareTasks tasks, CurrentUser currentUser) {
		this.tasks = tasks;
		this.currentUser = currentUser;
	}

	@ModelAttribute("urgentTasks")
	Integer urgentTasks() {
		return this.currentUser.find().map(this.tasks::urgentCount).orElse(null);
	}

}
