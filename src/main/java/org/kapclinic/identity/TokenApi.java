package org.kapclinic.identity;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Authentication")
class TokenApi {

	private final AuthenticationManager authentication;

	private final ApiTokens tokens;

	private final CurrentUser currentUser;

	private final OwnAccount account;

	TokenApi(AuthenticationManager authentication, ApiTokens tokens, CurrentUser currentUser, OwnAccount account) {
		this.authentication = authentication;
		this.tokens = tokens;
		this.currentUser = currentUser;
		this.account = account;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Exchange username and password for a bearer token",
			description = "Wrong credentials answer 401 and count toward lockout (5 failures in 15 minutes by default).")
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest request) {
		Authentication result;
		try {
			result = this.authentication.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
		}
		catch (AuthenticationException ex) {
			ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
					"Sign-in failed: wrong username or password, or the account is locked or inactive.");
			problem.setTitle("Authentication failed");
			return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").body(problem);
		}
		ApiTokens.IssuedToken issued = this.tokens.issue(((StaffPrincipal) result.getPrincipal()).member());
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(new TokenResponse(issued.accessToken(), "Bearer", issued.expiresInSeconds()));
	}

	@PostMapping("/api/v1/auth/revoke")
	@Operation(summary = "Revoke the bearer token used for this request")
	ResponseEntity<Void> revoke(@RequestHeader("Authorization") String authorization) {
		this.tokens.revoke(authorization.substring("Bearer ".length()).trim());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/me")
	@Operation(summary = "The signed-in staff member")
	StaffMember me() {
		return this.currentUser.require();
	}

	@PostMapping("/api/v1/me/password")
	@Operation(summary = "Change your own password (needs the current one); all your API tokens end")
	ResponseEntity<Void> changePassword(@Valid @RequestBody PasswordChange change) {
		this.account.changePassword(change.currentPassword(), change.newPassword());
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/v1/ping")
	@Operation(summary = "Authenticated liveness check that touches no patient data")
	Map<String, String> ping() {
		return Map.of("status", "ok");
	}

	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password) {
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn) {
	}

}
