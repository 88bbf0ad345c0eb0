package org.kapclinic.portal;

import java.util.UUID;

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
	PortalAccount revokeApi(@PathVariable UUID id, @RequestBody(required = false) RevokeRequest request) {
		return this.accounts.revoke(id, request);
	}

	@PostMapping("/api/v1/patients/{id}/portal-invite")
	@ResponseStatus(HttpStatus.CREATED)
	Invitation inviteApi(@PathVariable UUID id, @RequestBody(required = false) InviteRequest request) {
		return this.accounts.invite(id, request);
	}

}
