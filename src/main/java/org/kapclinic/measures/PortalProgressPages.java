package org.kapclinic.measures;

import org.kapclinic.shared.SignedInPatient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The patient's own progress in the portal (issue 21; {@link PortalProgress}). */
@Controller
class PortalProgressPages {

	private final PortalProgress progress;

	PortalProgressPages(PortalProgress progress) {
		this.progress = progress;
	}

	@GetMapping("/portal/progress")
	String progress(@AuthenticationPrincipal SignedInPatient patient, Model model) {
		model.addAttribute("trajectories", this.progress.of(patient.patientId()));
		model.addAttribute("width", PortalProgress.WIDTH);
		model.addAttribute("height", PortalProgress.HEIGHT);
		return "measures/portal-progress";
	}

}
