package org.kapclinic.portal;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.shared.SelfAccess;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who reaches a minor's journal and self-reports on the portal (issue 21): the minor, and
 * their guardian's proxy only where the clinic turns
 * {@code kap.portal.guardians-see-journal} on. Off by default: a parent is not the
 * personal representative for care the minor may consent to themself (45 CFR
 * 164.502(g)(3)); the AAP asks for confidential adolescent care ("Confidentiality in the
 * Care of Adolescents", Pediatrics 2024;153(5):e2024066326).
 */
class GuardianPolicyTests {

	private final UUID minor = UUID.randomUUID();

	private final SelfAccess access = new SelfAccess();

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void byDefaultAGuardianReachesTheMinorsRecordButNotTheirJournalOrSelfReports() {
		assertThat(new PortalSettings(null, null, null, null, null, null, null, null).guardiansSeeJournal()).isFalse();
		signIn(new PortalPrincipal(UUID.randomUUID(), this.minor, "g@patients.invalid", "Gwen Example", false));
		assertThat(this.access.is(this.minor)).isTrue();
		assertThat(this.access.seesPrivate(this.minor)).isFalse();
		assertThat(this.access.is(UUID.randomUUID())).as("nobody else's record").isFalse();
	}

	@Test
	void theMinorThemselfAndAGuardianUnderAnOpenPolicyReachTheJournal() {
		signIn(PortalPrincipal.patient(UUID.randomUUID(), this.minor, "m@patients.invalid"));
		assertThat(this.access.seesPrivate(this.minor)).isTrue();
		assertThat(this.access.seesPrivate(UUID.randomUUID())).isFalse();
		signIn(new PortalPrincipal(UUID.randomUUID(), this.minor, "g@patients.invalid", "Gwen Example", true));
		assertThat(this.access.seesPrivate(this.minor)).isTrue();
	}

	private static void signIn(PortalPrincipal who) {
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(who, null,
					List.of(new SimpleGrantedAuthority("ROLE_PATIENT"))));
	}

}
