package org.kapclinic.notification;

import java.util.UUID;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The mail outbox for administrators: is mail flowing, and what gave up. */
@Controller
@RequestMapping("/admin/outbox")
class OutboxPageController {

	private static final int FAILED_SHOWN = 100;

	private final Outbox outbox;

	OutboxPageController(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping
	String overview(Model model) {
		model.addAttribute("counts", this.outbox.counts());
		model.addAttribute("failed", this.outbox.failed(FAILED_SHOWN));
		return "notification/outbox";
	}

	@PostMapping("/{id}/retry")
	String retry(@PathVariable UUID id, RedirectAttributes redirect) {
		this.outbox.retry(id);
		redirect.addFlashAttribute("message", "The mail is queued again and will be sent shortly.");
		return "redirect:/admin/outbox";
	}

}
