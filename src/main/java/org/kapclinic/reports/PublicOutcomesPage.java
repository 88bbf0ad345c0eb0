package org.kapclinic.reports;

import java.time.LocalDate;

import org.kapclinic.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public results page {@code /outcomes} (no sign-in; only what an administrator
 * published), and the administrator's publish and withdraw buttons on the report page.
 */
@Controller
class PublicOutcomesPage {

	private final PublishedOutcomes published;

	PublicOutcomesPage(PublishedOutcomes published) {
		this.published = published;
	}

	@GetMapping("/outcomes")
	String outcomes(Model model) {
		model.addAttribute("outcomes",
				this.published.current().orElseThrow(() -> new NotFoundException("Published outcomes", "none")));
		return "reports/public";
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/reports/outcomes/publish")
	String publish(@RequestParam String instrument, @RequestParam(required = false) String program,
			@RequestParam(required = false) String route, @RequestParam(required = false) String condition,
			@RequestParam(required = false) String ageBand, @RequestParam(required = false) String sexAtBirth,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			RedirectAttributes redirect) {
		this.published.publish(
				OutcomeRequests.filter(instrument, program, route, condition, ageBand, sexAtBirth, from, to, null));
		redirect.addFlashAttribute("message", "Published: the public page /outcomes now shows this report.");
		return "redirect:/reports/outcomes?"
				+ OutcomeRequests.query(instrument, program, route, condition, ageBand, sexAtBirth, from, to);
	}

	@PreAuthorize("hasRole('ADMIN')")
	@PostMapping("/reports/outcomes/withdraw")
	String withdraw(RedirectAttributes redirect) {
		this.published.withdraw();
		redirect.addFlashAttribute("message", "Withdrawn: the public page /outcomes no longer exists.");
		return "redirect:/reports/outcomes";
	}

}
