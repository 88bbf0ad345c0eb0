package org.kapclinic.identity.mfa;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.StepUp;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Setting up two-factor sign-in over the API (issue 16 finding 2). */
@RestController
@Tag(name = "Authentication")
class MfaApi {

	private final SecondFactors secondFactors;

	private final CurrentUser currentUser;

	private final StepUp stepUp;

	MfaApi(SecondFactors secondFactors, CurrentUser currentUser, StepUp stepUp) {
		this.secondFactors = secondFactors;
		this.currentUser = currentUser;
		this.stepUp = stepUp;
	}

	@PostMapping("/api/v1/me/mfa/totp")
	@Operation(summary = "Start setting up an authenticator app (TOTP, RFC 6238)",
			description = "Answers a new secret and its otpauth:// URI (for a QR code). It counts once confirmed with "
					+ "POST /api/v1/me/mfa/totp/confirm. Replacing an app already set up needs a current code from it "
					+ "in X-KAP-OTP; the old app keeps working until the new one is confirmed.")
	ResponseEntity<TotpSecret> begin() {
		StaffMember me = this.currentUser.require();
		if (this.secondFactors.enrolled(me.id())) {
			this.stepUp.require("replace your authenticator app");
		}
		SecondFactors.Enrolment enrolment = this.secondFactors.begin(me.id(), me.username());
		return ResponseEntity.ok()
			.header("Cache-Control", "no-store")
			.body(new TotpSecret(enrolment.secret(), enrolment.otpauthUri()));
	}

	@PostMapping("/api/v1/me/mfa/totp/confirm")
	@Operation(summary = "Confirm the new authenticator app with a code it shows",
			description = "Answers ten one-time recovery codes, shown only now (any earlier ones stop working). "
					+ "Afterwards a token needs \"otp\" at POST /api/v1/auth/token.")
	ResponseEntity<RecoveryCodes> confirm(@Valid @RequestBody Confirmation confirmation) {
		StaffMember me = this.currentUser.require();
		List<String> codes = this.secondFactors.confirm(me.id(), confirmation.code().strip())
			.orElseThrow(() -> InvalidInputException.of("code",
					"does not match the new secret: type the code your app shows now "
							+ "(and start with POST /api/v1/me/mfa/totp if you have not)"));
		return ResponseEntity.ok().header("Cache-Control", "no-store").body(new RecoveryCodes(codes));
	}

	/**
	 * @param secret the secret in Base32, to type into an app
	 * @param otpauthUri the same as an otpauth:// URI, for a QR code
	 */
	record TotpSecret(String secret, String otpauthUri) {
	}

	/**
	 * @param code the 6-digit code the app shows
	 */
	record Confirmation(@NotBlank @Size(max = 10) String code) {
	}

	/**
	 * @param recoveryCodes ten codes, each usable once instead of the app
	 */
	record RecoveryCodes(List<String> recoveryCodes) {
	}

}
