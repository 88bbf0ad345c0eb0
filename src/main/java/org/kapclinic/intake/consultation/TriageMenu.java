package org.kapclinic.intake.consultation;

import org.kapclinic.identity.CurrentUser;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Tells every page whether the signed-in user works the triage queue, so the menu offers
 * "Requests" only to them ({@code kap.consultation.triage-roles}); anyone else would open
 * it to a refusal.
 */
@ControllerAdvice
class TriageMenu {

	private final ConsultationService consultations;

	private final CurrentUser currentUser;

	TriageMenu(ConsultationService consultations, CurrentUser currentUser) {
		this.consultations = consultations;
		this.currentUser = currentUser;
	}

	@ModelAttribute("canTriage")
	boolean canTriage() {
		return this.currentUser.find().map(this.consultations::triages).orElse(false);
	}

}
