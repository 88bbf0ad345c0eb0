package org.kapclinic.identity;

import org.kapclinic.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The signed-in user's own password page (the API call is in {@link TokenApi}). */
@Controller
class OwnAccountController {

	private final OwnAccount account;

	OwnAccountController(OwnAccount account) {
		this.account = account;
	}

	@GetMapping("/account/password")
	String form() {
		return "identity/password";
	}

	@PostMapping("/account/password")
	String change(@RequestParam(required = false) String currentPassword,
			@RequestParam(required = false) String newPassword, Model model, RedirectAttributes redirect) {
		try {
			this.account.changePassword(currentPassword, newPassword);
			redirect.addFlashAttribute("message", "Your password was changed.");
			return "redirect:/patients";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("problems", ex.problems());
			return "identity/password";
		}
	}

}
