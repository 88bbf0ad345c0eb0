package org.kapclinic.portal;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Portal access over the API (issue 21): {@code POST /api/v1/patients/{id}/portal-invite}
 * {@code {"email"}} (default: the patient's e-mail on file) and {@code POST
 * /api/v1/patients/{id}/portal-access/revoke} {@code {"reason"}}.
 */
@RestController
class PortalInviteApi {

	private final PortalAccounts accounts;

	PortalInviteApi(PortalAccounts accounts) {
		this.accounts = accounts;
	}

	@PostMapping("/api/v1/patients/{id}/portal-access/revoke")
	@Operation(summary = "End portal access {\"reason\",\"accountId\"} (no accountId: all of the patient's accounts): "
			+ "they can no longer sign in, and an open session ends at its next request; invite again to restore it")
	PortalAccount revokeApi(@PathVariable UUID id, @RequestBody(required = false) RevokeRequest request) {
		return this.accounts.revoke(id, request);
	}

	@PostMapping("/api/v1/patients/{id}/portal-invite")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invite the patient to the portal {\"email\",\"holder\" (PATIENT, or GUARDIAN for a minor's "
			+ "guardian on file)} (no body: the patient's e-mail on file) → the invitation with its expiry; one live "
			+ "account per address")
	Invitation inviteApi(@PathVariable UUID id, @RequestBody(required = false) InviteRequest request) {
		return this.accounts.invite(id, request);
	}

}
