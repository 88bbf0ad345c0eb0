package org.kapclinic.intake.consultation;

import org.kapclinic.identity.CurrentUser;
import org.springframework.stereotype.Component;

/**
 * Whether the signed-in user works the triage queue, for the menu: it offers "Requests"
 * only to them ({@code kap.consultation.triage-roles}); anyone else would open it to a
 * refusal. The layout asks ({@code @triageMenu.canTriage()}) only when it renders a page,
 * not on every request as a controller advice would (the API's vitals path included).
 */
@Component("triageMenu")
public class TriageMenu {

	private final ConsultationService consultations;

	private final CurrentUser currentUser;

	TriageMenu(ConsultationService consultations, CurrentUser currentUser) {
		this.consultations = consultations;
		this.currentUser = currentUser;
	}

	public boolean canTriage() {
		return this.currentUser.find().map(this.consultations::triages).orElse(false);
	}

}
