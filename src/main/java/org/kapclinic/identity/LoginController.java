package org.kapclinic.identity;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	private final IdentitySettings settings;

	LoginController(IdentitySettings settings) {
		this.settings = settings;
	}

	/**
	 * The sign-in page; it says so when no role is required to use a second factor (the
	 * demo clinic relaxes it), so nobody mistakes that for how a clinic runs.
	 */
	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("secondFactorRelaxed", this.settings.mfaRequiredRoles().isEmpty());
		return "identity/login";
	}

}
