package org.kapclinic.identity;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.annotation.JsonProperty;
import org.kapclinic.identity.mfa.SecondFactors;
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

	private final SecondFactors secondFactors;

	private final AuthenticationAuditor auditor;

	TokenApi(AuthenticationManager authentication, ApiTokens tokens, CurrentUser currentUser, OwnAccount account,
			SecondFactors secondFactors, AuthenticationAuditor auditor) {
		this.secondFactors = secondFactors;
		this.auditor = auditor;
		this.authentication = authentication;
		this.tokens = tokens;
		this.currentUser = currentUser;
		this.account = account;
	}

	@PostMapping("/api/v1/auth/token")
	@Operation(summary = "Exchange username, password and (once set up) a second-factor code for a bearer token",
			description = "Wrong credentials answer 401 and count toward lockout (5 failures in 15 minutes by default). "
					+ "An account with a second factor needs \"otp\" (a current authenticator code or a recovery code; "
					+ "each is taken once): without it, or with a wrong one, the answer is 401 with \"mfaRequired\": true, "
					+ "and wrong codes count toward lockout. Someone whose roles require a second factor "
					+ "(kap.security.mfa-required-roles) and who has none gets a token with \"mfaEnrollmentRequired\": true "
					+ "that reaches only /api/v1/me, /api/v1/me/mfa/** and /api/v1/auth/revoke.")
	ResponseEntity<?> token(@Valid @RequestBody TokenRequest request) {
		Authentication result;
		try {
			result = this.authentication.authenticate(
					UsernamePasswordAuthenticationToken.unauthenticated(request.username(), request.password()));
		}
		catch (AuthenticationException ex) {
			return refused("Sign-in failed: wrong username or password, or the account is locked or inactive.", false);
		}
		StaffPrincipal principal = (StaffPrincipal) result.getPrincipal();
		boolean enrolmentOnly = false;
		switch (principal.secondFactor()) {
			case ENROLLED -> {
				if (request.otp() == null || request.otp().isBlank()) {
					return refused("This account signs in with a second factor: send a current code from the "
							+ "authenticator app (or a recovery code) as \"otp\". A passkey cannot be used here: "
							+ "set up an authenticator app on the account page to use the API.", true);
				}
				if (this.secondFactors.accept(principal.userId(), request.otp()).isEmpty()) {
					this.auditor.secondFactorFailed(principal.username(), "wrong or reused code");
					return refused("Sign-in failed: the code is wrong or was used already; wait for the next "
							+ "code of the authenticator app, or use a recovery code.", true);
				}
				this.auditor.secondFactorPassed(principal.username(), "password and second factor");
			}
			case TO_SET_UP -> enrolmentOnly = true;
			case NOT_REQUIRED -> {
			}
		}
		ApiTokens.IssuedToken issued = this.tokens.issue(principal.member(), enrolmentOnly);
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(new TokenResponse(issued.accessToken(), "Bearer", issued.expiresInSeconds(), enrolmentOnly));
	}

	private static ResponseEntity<ProblemDetail> refused(String detail, boolean mfaRequired) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
		problem.setTitle("Authentication failed");
		if (mfaRequired) {
			problem.setProperty("mfaRequired", true);
		}
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header("WWW-Authenticate", "Bearer").body(problem);
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

	/**
	 * A sign-in; {@code otp} is a current authenticator code or a recovery code, needed
	 * once the account has a second factor.
	 */
	record TokenRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 200) String password,
			@Size(max = 40) String otp) {
	}

	record PasswordChange(@NotBlank String currentPassword, @NotBlank String newPassword) {
	}

	/**
	 * A token; {@code mfaEnrollmentRequired} when the person must set up a second factor
	 * first, and the token reaches only {@code /api/v1/me/mfa/**}.
	 */
	record TokenResponse(@JsonProperty("access_token") String accessToken, @JsonProperty("token_type") String tokenType,
			@JsonProperty("expires_in") long expiresIn, boolean mfaEnrollmentRequired) {
	}

}
