package org.kapclinic.portal;

import java.util.UUID;

import org.kapclinic.shared.CrisisResources;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Messages on both sides (issue 21): the patient's page in the portal, the care team's
 * reply on the chart's Portal tab.
 */
@Controller
class PortalMessagePages {

	private final PortalMessages messages;

	private final CrisisResources crisis;

	PortalMessagePages(PortalMessages messages, CrisisResources crisis) {
		this.messages = messages;
		this.crisis = crisis;
	}

	@GetMapping("/portal/messages")
	String thread(@AuthenticationPrincipal PortalPrincipal patient, Model model) {
		this.messages.markRead(patient);
		model.addAttribute("messages", this.messages.thread(patient));
		model.addAttribute("crisis", this.crisis);
		return "portal/messages";
	}

	@PostMapping("/portal/messages")
	String send(@AuthenticationPrincipal PortalPrincipal patient, @RequestParam(required = false) String body,
			RedirectAttributes redirect, Model model) {
		try {
			this.messages.fromPortal(patient, body);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problem", "Write your message first (at most 4000 characters).");
			model.addAttribute("draft", body);
			return thread(patient, model);
		}
		redirect.addFlashAttribute("message", "Sent to your care team. They usually answer within two working days.");
		return "redirect:/portal/messages";
	}

	@PostMapping("/patients/{id}/portal-messages")
	@PreAuthorize("hasAnyRole('ADMIN', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	String reply(@PathVariable UUID id, @RequestParam(required = false) UUID guardianAccountId,
			@RequestParam(required = false) String body, RedirectAttributes redirect) {
		this.messages.reply(id, guardianAccountId, body);
		redirect.addFlashAttribute("message",
				(guardianAccountId != null) ? "Reply sent; the guardian is e-mailed that a message waits."
						: "Reply sent; the patient is e-mailed that a message waits.");
		return "redirect:/patients/" + id + "/portal";
	}

}
