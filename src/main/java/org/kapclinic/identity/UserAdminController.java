package org.kapclinic.identity;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.kapclinic.identity.UserAdministration.UserView;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** User administration pages (role ADMIN, checked by the web chain and the service). */
@Controller
@RequestMapping("/admin/users")
class UserAdminController {

	private static final String LIST = "identity/users";

	private static final String FORM = "identity/user-form";

	private final UserAdministration users;

	UserAdminController(UserAdministration users) {
		this.users = users;
	}

	@ModelAttribute("allRoles")
	Role[] allRoles() {
		return Role.values();
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("users", this.users.list());
		return LIST;
	}

	@GetMapping("/new")
	String initCreate(Model model) {
		model.addAttribute("user", new UserForm("", "", "", EnumSet.noneOf(Role.class), null, ""));
		return FORM;
	}

	@PostMapping
	String processCreate(@Valid @ModelAttribute("user") UserForm user, BindingResult result,
			RedirectAttributes redirect) {
		checkNpi(user, result);
		if (result.hasErrors()) {
			return FORM;
		}
		try {
			UserView created = this.users.create(user.username(), user.password(), user.displayName(), user.roles());
			if (user.npi() != null && !user.npi().isBlank()) {
				this.users.setNpi(created.id(), user.npi());
			}
			redirect.addFlashAttribute("message", "Created " + created.username() + ".");
			return "redirect:/admin/users";
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((problem) -> result.rejectValue(problem.field(), "invalid", problem.message()));
			return FORM;
		}
	}

	@GetMapping("/{id}/edit")
	String initEdit(@PathVariable UUID id, Model model) {
		UserView view = this.users.get(id);
		model.addAttribute("user", new UserForm(view.username(), view.displayName(), "", view.roles(), view.version(),
				(view.npi() != null) ? view.npi() : ""));
		model.addAttribute("account", view);
		return FORM;
	}

	@PostMapping("/{id}")
	String processEdit(@PathVariable UUID id, @ModelAttribute("user") UserForm user, BindingResult result, Model model,
			RedirectAttributes redirect) {
		checkNpi(user, result);
		try {
			if (result.hasErrors()) {
				throw new InvalidInputException(java.util.List.of());
			}
			this.users.update(id, (user.version() == null) ? -1 : user.version(), user.displayName(),
					(user.roles() == null) ? Set.of() : user.roles());
			this.users.setNpi(id, user.npi());
			if (user.password() != null && !user.password().isEmpty()) {
				this.users.resetPassword(id, user.password());
			}
			redirect.addFlashAttribute("message", "Saved " + user.username() + ".");
			return "redirect:/admin/users";
		}
		catch (InvalidInputException ex) {
			ex.problems().forEach((problem) -> result.rejectValue(problem.field(), "invalid", problem.message()));
		}
		catch (VersionConflictException ex) {
			result.reject("conflict", "Someone else changed this account meanwhile. Reload and try again.");
		}
		model.addAttribute("account", this.users.get(id));
		return FORM;
	}

	@PostMapping("/{id}/deactivate")
	String deactivate(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(() -> this.users.setActive(id, false), "Account deactivated.", redirect);
	}

	@PostMapping("/{id}/activate")
	String activate(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(() -> this.users.setActive(id, true), "Account reactivated.", redirect);
	}

	@PostMapping("/{id}/unlock")
	String unlock(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(() -> this.users.unlock(id), "Lockout lifted.", redirect);
	}

	@PostMapping("/{id}/two-factor/reset")
	String resetSecondFactor(@PathVariable UUID id, RedirectAttributes redirect) {
		return act(() -> this.users.resetSecondFactor(id), "Two-factor sign-in reset.", redirect);
	}

	private String act(Runnable action, String message, RedirectAttributes redirect) {
		action.run();
		redirect.addFlashAttribute("message", message);
		return "redirect:/admin/users";
	}

	/**
	 * Refused before anything is saved: a wrong NPI never leaves a half-changed account.
	 */
	private static void checkNpi(UserForm user, BindingResult result) {
		if (user.npi() != null && !user.npi().isBlank() && !org.kapclinic.shared.Npi.valid(user.npi().strip())) {
			result.rejectValue("npi", "invalid", org.kapclinic.shared.Npi.problem());
		}
	}

	/**
	 * The create/edit form; the password is required on create only, the NPI for
	 * clinicians who bill (superbills name them).
	 */
	record UserForm(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String displayName,
			String password, Set<Role> roles, Long version, String npi) {
	}

}
