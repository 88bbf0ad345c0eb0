package org.kapclinic.identity.mfa;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;

import org.kapclinic.ApiContractTest;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.StepUp;
import org.kapclinic.shared.StepUpRequiredException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The second-factor set-up API's request/response contract as a web slice (no database,
 * no security filters; {@code MfaIT} sets up an authenticator app with codes computed as
 * an app computes them and replaces one with a fresh code, {@code FreshInstallIT} sets
 * one up where a role requires it). The slice's scan leaves the identity packages out, so
 * the controller is imported by name. Checked here: a first app answers its secret and
 * otpauth URI, never cached, without asking for a step-up; replacing an app asks for a
 * fresh code first, and without one is a 403 a client recognises that leaves the old app
 * in place; a right code (typed with spaces around it) answers the recovery codes, never
 * cached; a wrong code is a 400 naming {@code code}; a missing, blank or overlong code
 * reaches no second factor; nobody signed in is a 401.
 */
@ApiContractTest(MfaApi.class)
@Import(MfaApi.class)
class MfaApiContractTests {

	private static final UUID USER = UUID.fromString("0190f0e0-0000-7000-8000-00000000a801");

	private static final StaffMember ME = new StaffMember(USER, "therapist.testcase", "Therapist Testcase",
			Set.of(Role.THERAPIST), true);

	/** The example secret of authenticator documentation: nobody's. */
	private static final String SECRET = "JBSWY3DPEHPK3PXP";

	private static final String URI = "otpauth://totp/KAP%20Clinic:therapist.testcase?secret=" + SECRET
			+ "&issuer=KAP%20Clinic&algorithm=SHA1&digits=6&period=30";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	SecondFactors secondFactors;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	StepUp stepUp;

	@BeforeEach
	void signedIn() {
		given(this.currentUser.require()).willReturn(ME);
	}

	@Test
	void aFirstAppAnswersItsSecretNeverCachedWithoutAStepUp() throws Exception {
		given(this.secondFactors.begin(USER, "therapist.testcase"))
			.willReturn(new SecondFactors.Enrolment(SECRET, URI));
		this.mvc.perform(post("/api/v1/me/mfa/totp"))
			.andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.secret").value(SECRET))
			.andExpect(jsonPath("$.otpauthUri").value(URI));
		verifyNoInteractions(this.stepUp);
	}

	@Test
	void replacingAnAppAsksForAFreshCodeBeforeANewSecret() throws Exception {
		given(this.secondFactors.enrolled(USER)).willReturn(true);
		given(this.secondFactors.begin(USER, "therapist.testcase"))
			.willReturn(new SecondFactors.Enrolment(SECRET, URI));
		this.mvc.perform(post("/api/v1/me/mfa/totp"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.secret").value(SECRET));
		InOrder order = inOrder(this.stepUp, this.secondFactors);
		order.verify(this.stepUp).require("replace your authenticator app");
		order.verify(this.secondFactors).begin(USER, "therapist.testcase");
	}

	@Test
	void replacingWithoutAFreshCodeIs403AndKeepsTheOldApp() throws Exception {
		given(this.secondFactors.enrolled(USER)).willReturn(true);
		willThrow(new StepUpRequiredException("To replace your authenticator app, send a current code"))
			.given(this.stepUp)
			.require(any());
		this.mvc.perform(post("/api/v1/me/mfa/totp"))
			.andExpect(status().isForbidden())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Second factor required"))
			.andExpect(jsonPath("$.stepUpRequired").value(true))
			.andExpect(jsonPath("$.secret").doesNotExist());
		verify(this.secondFactors, never()).begin(any(), any());
	}

	@Test
	void aRightCodeAnswersTheRecoveryCodesNeverCached() throws Exception {
		List<String> codes = IntStream.range(0, 10).mapToObj((i) -> "test-code-0000-000" + i).toList();
		given(this.secondFactors.confirm(USER, "123456")).willReturn(Optional.of(codes));
		confirm("{\"code\":\" 123456 \"}").andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.recoveryCodes.length()").value(10))
			.andExpect(jsonPath("$.recoveryCodes[0]").value("test-code-0000-0000"))
			.andExpect(jsonPath("$.recoveryCodes[9]").value("test-code-0000-0009"));
		verify(this.secondFactors).confirm(USER, "123456");
	}

	@Test
	void aWrongCodeIsA400NamingTheCode() throws Exception {
		given(this.secondFactors.confirm(USER, "000000")).willReturn(Optional.empty());
		confirm("{\"code\":\"000000\"}").andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("code"))
			.andExpect(jsonPath("$.errors[0].message").value(containsString("POST /api/v1/me/mfa/totp")))
			.andExpect(jsonPath("$.recoveryCodes").doesNotExist());
	}

	@Test
	void aMissingBlankOrOverlongCodeReachesNoSecondFactor() throws Exception {
		for (String body : new String[] { "{}", "{\"code\":\"   \"}", "{\"code\":\"12345678901\"}" }) {
			confirm(body).andExpect(status().isBadRequest())
				.andExpect(jsonPath("$.title").value("Invalid input"))
				.andExpect(jsonPath("$.errors[0].field").value("code"));
		}
		verifyNoInteractions(this.secondFactors);
	}

	@Test
	void nobodySignedInIs401AndReachesNoSecondFactor() throws Exception {
		given(this.currentUser.require()).willThrow(new AuthenticationCredentialsNotFoundException("nobody"));
		this.mvc.perform(post("/api/v1/me/mfa/totp"))
			.andExpect(status().isUnauthorized())
			.andExpect(jsonPath("$.title").value("Authentication required"));
		confirm("{\"code\":\"123456\"}").andExpect(status().isUnauthorized());
		verifyNoInteractions(this.secondFactors, this.stepUp);
	}

	private ResultActions confirm(String body) throws Exception {
		return this.mvc
			.perform(post("/api/v1/me/mfa/totp/confirm").contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
