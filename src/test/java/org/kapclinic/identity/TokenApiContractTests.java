package org.kapclinic.identity;

import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.identity.mfa.SecondFactors;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.AuthenticationException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The token API's request/response contract as a web slice (no database, no security
 * filters; {@code TokenFlowIT} signs in, revokes and is refused for real, {@code MfaIT}
 * signs in with authenticator codes and recovery codes, {@code FreshInstallIT} with a
 * second factor required by role, {@code LockoutAndUsersIT} locks an account and changes
 * its own password). The slice's scan leaves the identity package out, so the controller
 * is imported by name. Checked here: a sign-in answers the OAuth-style token fields
 * clients read, never cached; a wrong or locked sign-in is the same 401 problem with
 * {@code WWW-Authenticate: Bearer} and issues nothing; every missing field is named
 * before anyone is authenticated; an account with a second factor is a 401 with
 * {@code mfaRequired} until a right code comes, and a wrong code is audited; someone who
 * must set one up gets a token marked {@code mfaEnrollmentRequired}; revoking takes the
 * token out of the header (204), and without the header reaches nothing; who is signed
 * in, the ping and the own password change answer what clients read.
 */
@ApiContractTest(TokenApi.class)
@Import(TokenApi.class)
class TokenApiContractTests {

	private static final UUID USER = UUID.fromString("0190f0e0-0000-7000-8000-00000000a701");

	private static final StaffMember MEMBER = new StaffMember(USER, "nurse.testcase", "Nurse Testcase",
			Set.of(Role.NURSE), true);

	private static final String PASSWORD = "kettle-meadow-softly-19";

	private static final String TOKEN = "fictional-token-not-issued-by-anyone-000000";

	private static final String SIGN_IN = """
			{"username":"nurse.testcase","password":"%s"}""".formatted(PASSWORD);

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuthenticationManager authentication;

	@MockitoBean
	ApiTokens tokens;

	@MockitoBean
	CurrentUser currentUser;

	@MockitoBean
	OwnAccount account;

	@MockitoBean
	SecondFactors secondFactors;

	@MockitoBean
	AuthenticationAuditor auditor;

	@Test
	void aSignInAnswersTheTokenFieldsClientsReadAndIsNeverCached() throws Exception {
		signsIn(SecondFactorState.NOT_REQUIRED);
		given(this.tokens.issue(MEMBER, false)).willReturn(new ApiTokens.IssuedToken(TOKEN, 3600));
		token(SIGN_IN).andExpect(status().isOk())
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(jsonPath("$.access_token").value(TOKEN))
			.andExpect(jsonPath("$.token_type").value("Bearer"))
			.andExpect(jsonPath("$.expires_in").value(3600))
			.andExpect(jsonPath("$.mfaEnrollmentRequired").value(false))
			.andExpect(jsonPath("$.accessToken").doesNotExist());
		verify(this.authentication)
			.authenticate(argThat((a) -> "nurse.testcase".equals(a.getName()) && PASSWORD.equals(a.getCredentials())));
		verifyNoInteractions(this.secondFactors);
	}

	@Test
	void aWrongOrLockedSignInIsTheSame401AndIssuesNothing() throws Exception {
		for (AuthenticationException refusal : new AuthenticationException[] {
				new BadCredentialsException("Bad credentials"), new LockedException("Locked") }) {
			willThrow(refusal).given(this.authentication).authenticate(any());
			token(SIGN_IN).andExpect(status().isUnauthorized())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(header().string("WWW-Authenticate", "Bearer"))
				.andExpect(jsonPath("$.title").value("Authentication failed"))
				.andExpect(jsonPath("$.detail").value(containsString("wrong username or password")))
				.andExpect(jsonPath("$.mfaRequired").doesNotExist());
		}
		verifyNoInteractions(this.tokens, this.secondFactors);
	}

	@Test
	void everyMissingFieldIsNamedBeforeAnyoneIsAuthenticated() throws Exception {
		token("""
				{"username":"","password":" ","otp":"%s"}""".formatted("1".repeat(41)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("username", "password", "otp")));
		verifyNoInteractions(this.authentication, this.tokens);
	}

	@Test
	void aSecondFactorIsAskedForUntilARightCodeAndAWrongOneIsAudited() throws Exception {
		signsIn(SecondFactorState.ENROLLED);
		given(this.secondFactors.accept(USER, "000000")).willReturn(Optional.empty());
		for (String body : new String[] { SIGN_IN, withOtp("   "), withOtp("000000") }) {
			token(body).andExpect(status().isUnauthorized())
				.andExpect(header().string("WWW-Authenticate", "Bearer"))
				.andExpect(jsonPath("$.mfaRequired").value(true));
		}
		verify(this.secondFactors, times(1)).accept(any(), any());
		verify(this.auditor).secondFactorFailed(eq("nurse.testcase"), any());
		verify(this.auditor, never()).secondFactorPassed(any(), any());
		verify(this.tokens, never()).issue(any(), anyBoolean());
	}

	@Test
	void aRightCodeAnswersAFullTokenAndIsAudited() throws Exception {
		signsIn(SecondFactorState.ENROLLED);
		given(this.secondFactors.accept(USER, "123456")).willReturn(Optional.of(new SecondFactors.Accepted(false, 7)));
		given(this.tokens.issue(MEMBER, false)).willReturn(new ApiTokens.IssuedToken(TOKEN, 3600));
		token(withOtp("123456")).andExpect(status().isOk())
			.andExpect(jsonPath("$.access_token").value(TOKEN))
			.andExpect(jsonPath("$.mfaEnrollmentRequired").value(false));
		verify(this.auditor).secondFactorPassed("nurse.testcase", "password and second factor");
		verify(this.auditor, never()).secondFactorFailed(any(), any());
	}

	@Test
	void someoneWhoMustSetUpASecondFactorGetsAnEnrolmentOnlyToken() throws Exception {
		signsIn(SecondFactorState.TO_SET_UP);
		given(this.tokens.issue(MEMBER, true)).willReturn(new ApiTokens.IssuedToken(TOKEN, 900));
		token(SIGN_IN).andExpect(status().isOk())
			.andExpect(jsonPath("$.access_token").value(TOKEN))
			.andExpect(jsonPath("$.expires_in").value(900))
			.andExpect(jsonPath("$.mfaEnrollmentRequired").value(true));
		verify(this.tokens).issue(MEMBER, true);
		verifyNoInteractions(this.secondFactors);
	}

	@Test
	void revokingTakesTheTokenFromTheHeaderAndWithoutOneReachesNothing() throws Exception {
		this.mvc.perform(post("/api/v1/auth/revoke").header("Authorization", "Bearer " + TOKEN + " "))
			.andExpect(status().isNoContent());
		verify(this.tokens).revoke(TOKEN);
		this.mvc.perform(post("/api/v1/auth/revoke"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("Authorization")));
		verify(this.tokens, times(1)).revoke(any());
	}

	@Test
	void whoIsSignedInThePingAndTheOwnPasswordChangeAnswerWhatClientsRead() throws Exception {
		given(this.currentUser.require()).willReturn(MEMBER);
		this.mvc.perform(get("/api/v1/me"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.id").value(USER.toString()))
			.andExpect(jsonPath("$.username").value("nurse.testcase"))
			.andExpect(jsonPath("$.displayName").value("Nurse Testcase"))
			.andExpect(jsonPath("$.roles[0]").value("NURSE"))
			.andExpect(jsonPath("$.active").value(true));
		this.mvc.perform(get("/api/v1/ping")).andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ok"));
		this.mvc.perform(post("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON).content("""
				{"currentPassword":"","newPassword":" "}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[*].field").value(containsInAnyOrder("currentPassword", "newPassword")));
		verifyNoInteractions(this.account);
		this.mvc.perform(post("/api/v1/me/password").contentType(MediaType.APPLICATION_JSON).content("""
				{"currentPassword":"%s","newPassword":"harbour-violet-gently-83"}""".formatted(PASSWORD)))
			.andExpect(status().isNoContent());
		verify(this.account).changePassword(PASSWORD, "harbour-violet-gently-83");
	}

	private void signsIn(SecondFactorState secondFactor) {
		StaffPrincipal principal = new StaffPrincipal(MEMBER, null, false, secondFactor);
		given(this.authentication.authenticate(any()))
			.willReturn(UsernamePasswordAuthenticationToken.authenticated(principal, null, principal.getAuthorities()));
	}

	private static String withOtp(String otp) {
		return """
				{"username":"nurse.testcase","password":"%s","otp":"%s"}""".formatted(PASSWORD, otp);
	}

	private ResultActions token(String body) throws Exception {
		return this.mvc.perform(post("/api/v1/auth/token").contentType(MediaType.APPLICATION_JSON).content(body));
	}

}
