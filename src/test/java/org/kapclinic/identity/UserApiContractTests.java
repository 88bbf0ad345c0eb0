package org.kapclinic.identity;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.identity.UserAdministration.UserView;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.StepUpRequiredException;
import org.kapclinic.shared.VersionConflictException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff-account API's request/response contract as a web slice (no database, no
 * security filters; {@code LockoutAndUsersIT} creates, locks, unlocks and deactivates
 * real accounts as an administrator, {@code MfaIT} asks for a step-up code first and
 * {@code PasskeyBrowserIT} resets a second factor). The slice's scan leaves the identity
 * package out (its session and token filters need the rest of the application), so the
 * controller is imported by name. Checked here: creating answers 201 with the account's
 * address and fields and never a password; the field rules come back together, each
 * named, and a wrong NPI is refused before any account is made; a missing version is
 * named and a stale one is a 409 with the current one; an absent NPI is kept and an empty
 * one cleared; the actions without an answer are 204; a role that may not is 403, a
 * missing second factor a 403 a client recognises, an unknown account 404; a role that
 * does not exist reaches no service.
 */
@ApiContractTest(UserApi.class)
@Import(UserApi.class)
class UserApiContractTests {

	private static final UUID USER = UUID.fromString("0190f0e0-0000-7000-8000-00000000e501");

	/** The check-digit example of CMS's NPI specification: valid, and nobody's. */
	private static final String NPI = "1234567893";

	private static final String PASSWORD = "lantern-orchard-quietly-47";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	UserAdministration users;

	@Test
	void creatingAnswers201WithTheAccountAndNoPassword() throws Exception {
		given(this.users.create("nurse.testcase", PASSWORD, "Nurse Testcase", Set.of(Role.NURSE)))
			.willReturn(view(true, null));
		given(this.users.setNpi(USER, NPI)).willReturn(view(true, NPI));
		this.mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"nurse.testcase","password":"%s","displayName":"Nurse Testcase","roles":["NURSE"],
				 "npi":"%s"}""".formatted(PASSWORD, NPI)))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", "/api/v1/users/" + USER))
			.andExpect(jsonPath("$.id").value(USER.toString()))
			.andExpect(jsonPath("$.username").value("nurse.testcase"))
			.andExpect(jsonPath("$.displayName").value("Nurse Testcase"))
			.andExpect(jsonPath("$.roles[0]").value("NURSE"))
			.andExpect(jsonPath("$.active").value(true))
			.andExpect(jsonPath("$.locked").value(false))
			.andExpect(jsonPath("$.version").value(2))
			.andExpect(jsonPath("$.npi").value(NPI))
			.andExpect(jsonPath("$.password").doesNotExist())
			.andExpect(content().string(not(containsString(PASSWORD))));
	}

	@Test
	void everyMissingFieldIsNamedAndNothingIsCreated() throws Exception {
		this.mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"","password":" ","displayName":"","roles":[]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Invalid input"))
			.andExpect(jsonPath("$.errors[*].field")
				.value(containsInAnyOrder("username", "password", "displayName", "roles")));
		verifyNoInteractions(this.users);
	}

	@Test
	void aWrongNpiIsRefusedBeforeAnyAccountIsMade() throws Exception {
		this.mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"dr.testcase","password":"%s","displayName":"Dr Testcase","roles":["PRESCRIBER"],
				 "npi":"1234567890"}""".formatted(PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("npi"));
		this.mvc.perform(put("/api/v1/users/{id}", USER).contentType(MediaType.APPLICATION_JSON).content("""
				{"displayName":"Dr Testcase","roles":["PRESCRIBER"],"version":1,"npi":"12345"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("npi"));
		verifyNoInteractions(this.users);
	}

	@Test
	void aMissingVersionIsNamedAndAStaleOneIs409WithTheCurrentOne() throws Exception {
		this.mvc.perform(put("/api/v1/users/{id}", USER).contentType(MediaType.APPLICATION_JSON).content("""
				{"displayName":"Nurse Testcase","roles":["NURSE"]}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("version"));
		verify(this.users, never()).update(any(), anyLong(), any(), any());
		given(this.users.update(USER, 1, "Nurse Testcase", Set.of(Role.NURSE)))
			.willThrow(new VersionConflictException("StaffAccount", USER, 2));
		this.mvc.perform(put("/api/v1/users/{id}", USER).contentType(MediaType.APPLICATION_JSON).content("""
				{"displayName":"Nurse Testcase","roles":["NURSE"],"version":1}"""))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.title").value("Version conflict"))
			.andExpect(jsonPath("$.currentVersion").value(2));
	}

	@Test
	void anAbsentNpiIsKeptAndAnEmptyOneCleared() throws Exception {
		given(this.users.update(USER, 2, "Nurse Testcase", Set.of(Role.NURSE))).willReturn(view(true, NPI));
		given(this.users.setNpi(USER, "")).willReturn(view(true, null));
		this.mvc.perform(put("/api/v1/users/{id}", USER).contentType(MediaType.APPLICATION_JSON).content("""
				{"displayName":"Nurse Testcase","roles":["NURSE"],"version":2}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.npi").value(NPI));
		verify(this.users, never()).setNpi(any(), any());
		this.mvc.perform(put("/api/v1/users/{id}", USER).contentType(MediaType.APPLICATION_JSON).content("""
				{"displayName":"Nurse Testcase","roles":["NURSE"],"version":2,"npi":""}"""))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.npi").doesNotExist());
		verify(this.users).setNpi(USER, "");
	}

	@Test
	void deactivatingAnswersTheAccountAndTheOtherActionsAre204() throws Exception {
		given(this.users.setActive(USER, false)).willReturn(view(false, null));
		this.mvc.perform(post("/api/v1/users/{id}/deactivate", USER))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.active").value(false));
		this.mvc.perform(post("/api/v1/users/{id}/unlock", USER)).andExpect(status().isNoContent());
		this.mvc.perform(post("/api/v1/users/{id}/mfa/reset", USER)).andExpect(status().isNoContent());
		this.mvc
			.perform(post("/api/v1/users/{id}/password", USER).contentType(MediaType.APPLICATION_JSON)
				.content("{\"password\":\"" + PASSWORD + "\"}"))
			.andExpect(status().isNoContent());
		verify(this.users).unlock(USER);
		verify(this.users).resetSecondFactor(USER);
		verify(this.users).resetPassword(USER, PASSWORD);
	}

	@Test
	void aRoleThatMayNotIs403AMissingSecondFactorSaysSoAndAnUnknownAccountIs404() throws Exception {
		given(this.users.list()).willThrow(new AccessDeniedException("Administrators only"));
		this.mvc.perform(get("/api/v1/users"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"));
		willThrow(new StepUpRequiredException("Enter a code to reset a second factor")).given(this.users)
			.resetSecondFactor(USER);
		this.mvc.perform(post("/api/v1/users/{id}/mfa/reset", USER))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.stepUpRequired").value(true));
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-00000000e5ff");
		given(this.users.get(unknown)).willThrow(new NotFoundException("StaffAccount", unknown));
		this.mvc.perform(get("/api/v1/users/{id}", unknown)).andExpect(status().isNotFound());
	}

	@Test
	void aRoleThatDoesNotExistOrABlankPasswordReachesNoService() throws Exception {
		this.mvc.perform(post("/api/v1/users").contentType(MediaType.APPLICATION_JSON).content("""
				{"username":"janitor.testcase","password":"%s","displayName":"Janitor Testcase",
				 "roles":["JANITOR"]}""".formatted(PASSWORD)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc
			.perform(post("/api/v1/users/{id}/password", USER).contentType(MediaType.APPLICATION_JSON)
				.content("{\"password\":\"\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("password"));
		verifyNoInteractions(this.users);
	}

	private static UserView view(boolean active, String npi) {
		return new UserView(USER, "nurse.testcase", "Nurse Testcase", Set.of(Role.NURSE), active, false, 2, npi);
	}

}
