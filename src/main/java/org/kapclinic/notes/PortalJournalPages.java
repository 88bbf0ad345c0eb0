package org.kapclinic.notes;

import org.kapclinic.shared.CrisisResources;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.SignedInPatient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The patient's journal in the portal (issue 21): intentions before a session and
 * reflections after, written and sent there, read by the care team beside their notes.
 * Only the patient's own entries; never the clinicians' notes.
 */
@Controller
class PortalJournalPages {

	private final Journal journal;

	private final CrisisResources crisis;

	PortalJournalPages(Journal journal, CrisisResources crisis) {
		this.journal = journal;
		this.crisis = crisis;
	}

	@GetMapping("/portal/journal")
	String journal(@AuthenticationPrincipal SignedInPatient patient, Model model) {
		model.addAttribute("entries", this.journal.own(patient.patientId(), 50));
		model.addAttribute("crisis", this.crisis);
		return "notes/portal-journal";
	}

	@PostMapping("/portal/journal")
	String write(@AuthenticationPrincipal SignedInPatient patient, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String text, RedirectAttributes redirect, Model model) {
		try {
			this.journal.writeFromPortal(patient.patientId(), kind, text);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", "Write a few words and choose intention or reflection, then send.");
			model.addAttribute("draft", text);
			return journal(patient, model);
		}
		redirect.addFlashAttribute("message", "Sent to your care team.");
		return "redirect:/portal/journal";
	}

}
