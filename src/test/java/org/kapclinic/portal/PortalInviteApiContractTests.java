package org.kapclinic.portal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The portal invitation API's contract as a web slice (no database, no security filters;
 * {@code PortalInviteIT} and {@code PortalAccessIT} invite, sign in and revoke for real).
 * Checked here: an invitation answers 201 with its expiry and who holds the account; no
 * body means the patient's e-mail on file; an address that is no address is named; a
 * holder that is neither patient nor guardian is unreadable and invites no one; a revoke
 * without a body ends all of the patient's accounts.
 */
@ApiContractTest(PortalInviteApi.class)
class PortalInviteApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-0000000e0001");

	private static final UUID ACCOUNT = UUID.fromString("0190f0e0-0000-7000-8000-0000000e0002");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	PortalAccounts accounts;

	@Test
	void anInvitationAnswers201WithItsExpiryAndHolder() throws Exception {
		given(this.accounts.invite(eq(PATIENT), any())).willReturn(new Invitation(ACCOUNT, PATIENT,
				"guardian.pell@example.test", Instant.parse("2026-12-10T12:00:00Z"), PortalAccountHolder.GUARDIAN));
		this.mvc
			.perform(post("/api/v1/patients/{id}/portal-invite", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email":"guardian.pell@example.test","holder":"GUARDIAN"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.accountId").value(ACCOUNT.toString()))
			.andExpect(jsonPath("$.expiresAt").value("2026-12-10T12:00:00Z"))
			.andExpect(jsonPath("$.holder").value("GUARDIAN"));
		verify(this.accounts).invite(PATIENT,
				new InviteRequest("guardian.pell@example.test", PortalAccountHolder.GUARDIAN));
	}

	@Test
	void noBodyInvitesThePatientAtTheAddressOnFile() throws Exception {
		given(this.accounts.invite(PATIENT, null)).willReturn(new Invitation(ACCOUNT, PATIENT, "on.file@example.test",
				Instant.parse("2026-12-10T12:00:00Z"), PortalAccountHolder.PATIENT));
		this.mvc.perform(post("/api/v1/patients/{id}/portal-invite", PATIENT))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.email").value("on.file@example.test"));
	}

	@Test
	void anAddressThatIsNoAddressIsNamed() throws Exception {
		given(this.accounts.invite(eq(PATIENT), any())).willThrow(new InvalidInputException(
				List.of(new InvalidInputException.FieldProblem("email", "an e-mail address, like name@example.org"))));
		this.mvc
			.perform(post("/api/v1/patients/{id}/portal-invite", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email":"not-an-address"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("email"));
	}

	@Test
	void aHolderThatIsNeitherPatientNorGuardianIsUnreadable() throws Exception {
		this.mvc
			.perform(post("/api/v1/patients/{id}/portal-invite", PATIENT).contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"email":"friend@example.test","holder":"FRIEND"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.accounts);
	}

	@Test
	void aRevokeWithoutABodyEndsEveryAccountOfThePatient() throws Exception {
		given(this.accounts.revoke(PATIENT, null)).willReturn(new PortalAccount(ACCOUNT, PATIENT,
				"on.file@example.test", PortalAccountStatus.REVOKED, PortalAccountHolder.PATIENT, null, null));
		this.mvc.perform(post("/api/v1/patients/{id}/portal-access/revoke", PATIENT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("REVOKED"));
		verify(this.accounts).revoke(PATIENT, null);
	}

}
