package org.kapclinic.dosing;

import java.time.LocalDateTime;
import java.util.UUID;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The REMS page's form: the clinic records that it submitted the Spravato REMS Patient
 * Monitoring Form (when, and the REMS confirmation number), which completes the
 * prescribers' task.
 */
@Controller
class RemsFormPages {

	private final RemsForms forms;

	private final ClinicTime clinicTime;

	RemsFormPages(RemsForms forms, ClinicTime clinicTime) {
		this.forms = forms;
		this.clinicTime = clinicTime;
	}

	@PostMapping("/dosing/sessions/{id}/rems-form")
	String submit(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime submittedAt,
			@RequestParam(required = false) String confirmationNumber, RedirectAttributes redirect) {
		try {
			this.forms.submit(id,
					new DosingRequests.RemsFormSubmission(
							(submittedAt != null) ? submittedAt.atZone(this.clinicTime.timeZone()).toInstant() : null,
							confirmationNumber));
			redirect.addFlashAttribute("message", "REMS monitoring form recorded as submitted.");
		}
		catch (InvalidInputException | RuleViolationException | ConflictException ex) {
			Refusal.flash(redirect, ex);
			redirect.addFlashAttribute("confirmationNumber", confirmationNumber);
		}
		return "redirect:/dosing/sessions/" + id + "/rems";
	}

}
