package org.kapclinic.identity;

import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.kapclinic.identity.UserAdministration.UserView;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Staff account administration (role ADMIN; enforced in {@link UserAdministration}). */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Users")
class UserApi {

	private final UserAdministration users;

	UserApi(UserAdministration users) {
		this.users = users;
	}

	@PostMapping
	@Operation(summary = "Create a staff account")
	ResponseEntity<UserView> create(@Valid @RequestBody NewUser request) {
		checkNpi(request.npi());
		UserView created = this.users.create(request.username(), request.password(), request.displayName(),
				request.roles());
		if (request.npi() != null && !request.npi().isBlank()) {
			created = this.users.setNpi(created.id(), request.npi());
		}
		return ResponseEntity.created(URI.create("/api/v1/users/" + created.id())).body(created);
	}

	@GetMapping
	@Operation(summary = "List staff accounts")
	List<UserView> list() {
		return this.users.list();
	}

	@GetMapping("/{id}")
	UserView get(@PathVariable UUID id) {
		return this.users.get(id);
	}

	@PutMapping("/{id}")
	@Operation(summary = "Change display name and roles",
			description = "Send the current version; a stale one answers 409.")
	UserView update(@PathVariable UUID id, @Valid @RequestBody UserChanges request) {
		checkNpi(request.npi());
		UserView updated = this.users.update(id, request.version(), request.displayName(), request.roles());
		// Absent: the NPI stays as it is; "" clears it.
		return (request.npi() != null) ? this.users.setNpi(id, request.npi()) : updated;
	}

	@PostMapping("/{id}/deactivate")
	@Operation(summary = "Deactivate an account (accounts are never deleted); revokes its tokens")
	UserView deactivate(@PathVariable UUID id) {
		return this.users.setActive(id, false);
	}

	@PostMapping("/{id}/activate")
	UserView activate(@PathVariable UUID id) {
		return this.users.setActive(id, true);
	}

	@PostMapping("/{id}/unlock")
	@Operation(summary = "Lift a lockout after repeated failed sign-ins")
	ResponseEntity<Void> unlock(@PathVariable UUID id) {
		this.users.unlock(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/mfa/reset")
	@Operation(summary = "Remove a staff member's second factor (lost phone and recovery codes)",
			description = "Their sessions and tokens end; where their role requires a second factor they set up a "
					+ "new one at their next sign-in. Needs a step-up code (X-KAP-OTP) from an administrator "
					+ "who has a second factor.")
	ResponseEntity<Void> resetSecondFactor(@PathVariable UUID id) {
		this.users.resetSecondFactor(id);
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/{id}/password")
	@Operation(summary = "Set a new password; revokes the account's tokens")
	ResponseEntity<Void> resetPassword(@PathVariable UUID id, @Valid @RequestBody NewPassword request) {
		this.users.resetPassword(id, request.password());
		return ResponseEntity.noContent().build();
	}

	/**
	 * Refused (400) before anything is saved: a wrong NPI never leaves a half-made
	 * account.
	 */
	private static void checkNpi(String npi) {
		if (npi != null && !npi.isBlank() && !org.kapclinic.shared.Npi.valid(npi.strip())) {
			throw new org.kapclinic.shared.InvalidInputException(
					List.of(new org.kapclinic.shared.InvalidInputException.FieldProblem("npi",
							org.kapclinic.shared.Npi.problem())));
		}
	}

	/**
	 * @param npi optional: the clinician's NPI (issue 20), check digit verified.
	 */
	record NewUser(@NotBlank @Size(max = 64) String username, @NotBlank String password,
			@NotBlank @Size(max = 200) String displayName, @NotEmpty Set<Role> roles, String npi) {
	}

	/**
	 * @param npi optional: absent keeps the NPI, "" clears it.
	 */
	record UserChanges(@NotBlank @Size(max = 200) String displayName, @NotEmpty Set<Role> roles, @NotNull Long version,
			String npi) {
	}

	record NewPassword(@NotBlank String password) {
	}

}
