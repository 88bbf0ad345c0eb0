package org.kapclinic.identity;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kapclinic.ModuleTestDatabase;
import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DerivedKeys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

/**
 * The identity module on its own (issue 15 item 8): ending someone's access publishes
 * {@link AccessEnded} with what ended it (other modules end what they issued on the
 * account's behalf, such as calendar feeds), a change that leaves access as it was
 * publishes nothing; failed sign-ins lock the account at the configured count
 * ({@code kap.security.max-failed-attempts}, 5) and audit the lock once. Audit and
 * step-up are mocks; the paths through the pages and the API are
 * {@code LockoutAndUsersIT} and {@code AccessEndsIT}.
 */
// A servlet context: Spring Session's repository, which ending access empties, exists
// only in a web application.
@ApplicationModuleTest(webEnvironment = WebEnvironment.MOCK)
@ContextConfiguration(initializers = ModuleTestDatabase.class)
class IdentityModuleTests {

	private static final StaffMember ADMIN = new StaffMember(UUID.randomUUID(), "module.admin", "Module Admin",
			Set.of(Role.ADMIN), true);

	@MockitoBean
	AuditTrail audit;

	@MockitoBean
	StepUp stepUp;

	/** The audit module's keys, which seal second-factor secrets; none is sealed here. */
	@MockitoBean
	DerivedKeys keys;

	@Autowired
	UserAdministration users;

	@Autowired
	LoginAttempts attempts;

	@Autowired
	ApplicationEventPublisher publisher;

	@BeforeEach
	void signInAsAdmin() {
		StaffPrincipal admin = new StaffPrincipal(ADMIN, "unused", false);
		SecurityContextHolder.getContext()
			.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(admin, null, admin.getAuthorities()));
	}

	@AfterEach
	void signOut() {
		SecurityContextHolder.clearContext();
	}

	@Test
	void deactivatingOrChangingRolesEndsAccessAndSaysWhy(AssertablePublishedEvents events) {
		UserAdministration.UserView nurse = newNurse();

		UserAdministration.UserView renamed = this.users.update(nurse.id(), nurse.version(), "Fern Renamed (module)",
				Set.of(Role.NURSE));
		assertThat(events.ofType(AccessEnded.class)).as("a new name leaves access as it was").isEmpty();

		this.users.update(nurse.id(), renamed.version(), "Fern Renamed (module)", Set.of(Role.NURSE, Role.PRESCRIBER));
		assertThat(events).contains(AccessEnded.class)
			.matching(AccessEnded::userId, nurse.id())
			.matching(AccessEnded::reason, AccessEnded.Reason.ROLES_CHANGED);

		this.users.setActive(nurse.id(), false);
		assertThat(events).contains(AccessEnded.class)
			.matching(AccessEnded::userId, nurse.id())
			.matching(AccessEnded::reason, AccessEnded.Reason.DEACTIVATED);
		assertThat(events.ofType(AccessEnded.class)).hasSize(2);
	}

	@Test
	void theFifthFailedSignInLocksTheAccountAndTheLockIsAuditedOnce() {
		UserAdministration.UserView nurse = newNurse();
		for (int i = 1; i <= 4; i++) {
			failSignIn(nurse.username());
		}
		assertThat(this.attempts.isLocked(nurse.username())).as("four failures").isFalse();

		failSignIn(nurse.username());
		assertThat(this.attempts.isLocked(nurse.username())).as("the fifth").isTrue();
		failSignIn(nurse.username());
		verify(this.audit, times(1))
			.recordIndependently(argThat((AuditEvent event) -> event.action() == AuditAction.ACCOUNT_LOCKED
					&& nurse.username().equals(event.actorName())));
		verify(this.audit, times(6))
			.recordIndependently(argThat((AuditEvent event) -> event.action() == AuditAction.LOGIN_FAILED
					&& nurse.username().equals(event.actorName())));
		assertThat(this.users.get(nurse.id()).locked()).as("what the administrator sees").isTrue();
	}

	/** What Spring Security publishes when a password is wrong. */
	private void failSignIn(String username) {
		this.publisher.publishEvent(new AuthenticationFailureBadCredentialsEvent(
				UsernamePasswordAuthenticationToken.unauthenticated(username, "wrong-password"),
				new BadCredentialsException("Bad credentials")));
	}

	private UserAdministration.UserView newNurse() {
		String username = "module.nurse." + UUID.randomUUID().toString().substring(0, 8);
		return this.users.create(username, "Fictional-Passphrase-2026!", "Fern Module (fictional)", Set.of(Role.NURSE));
	}

}
