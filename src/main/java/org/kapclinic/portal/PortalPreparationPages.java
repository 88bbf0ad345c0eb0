package org.kapclinic.portal;

import java.util.List;
import java.util.Locale;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The preparation pages (issue 21): read each section, mark it read. */
@Controller
class PortalPreparationPages {

	private final Preparation preparation;

	PortalPreparationPages(Preparation preparation) {
		this.preparation = preparation;
	}

	@GetMapping("/portal/preparation")
	String read(@AuthenticationPrincipal PortalPrincipal patient, Locale locale, Model model) {
		List<Preparation.Section> sections = this.preparation.forPatient(patient.patientId(), locale);
		model.addAttribute("sections", sections);
		model.addAttribute("unread", sections.stream().filter((s) -> !s.read()).count());
		return "portal/preparation";
	}

	@PostMapping("/portal/preparation/read")
	String markRead(@AuthenticationPrincipal PortalPrincipal patient, @RequestParam(required = false) String sectionId,
			Locale locale) {
		if (sectionId != null) {
			this.preparation.markRead(patient.patientId(), sectionId, locale);
		}
		return "redirect:/portal/preparation" + ((sectionId != null) ? "#" + sectionId : "");
	}

}
