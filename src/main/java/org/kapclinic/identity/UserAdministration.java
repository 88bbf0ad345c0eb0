package org.kapclinic.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.VersionConflictException;
import org.kapclinic.identity.mfa.SecondFactors;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Administrators create, edit, deactivate and unlock staff accounts. Accounts are never
 * deleted; every change is audited, role changes as privilege changes with before and
 * after.
 */
@Service
@PreAuthorize("hasRole('ADMIN')")
class UserAdministration {

	private static final String RESOURCE = "StaffAccount";

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	private final LoginAttempts attempts;

	private final SessionRevocation revocation;

	private final AuditTrail audit;

	private final IdentitySettings settings;

	private final CurrentUser currentUser;

	private final UserDirectory directory;

	private final Clock clock;

	private final StepUp stepUp;

	private final SecondFactors secondFactors;

	UserAdministration(StaffAccounts accounts, PasswordEncoder passwords, LoginAttempts attempts,
			SessionRevocation revocation, AuditTrail audit, IdentitySettings settings, CurrentUser currentUser,
			UserDirectory directory, Clock clock, StepUp stepUp, SecondFactors secondFactors) {
		this.stepUp = stepUp;
		this.secondFactors = secondFactors;
		this.accounts = accounts;
		this.passwords = passwords;
		this.attempts = attempts;
		this.revocation = revocation;
		this.audit = audit;
		this.settings = settings;
		this.currentUser = currentUser;
		this.directory = directory;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	List<UserView> list() {
		return this.accounts.findAll()
			.stream()
			.sorted(Comparator.comparing(StaffAccount::username))
			.map(this::view)
			.toList();
	}

	@Transactional(readOnly = true)
	UserView get(UUID id) {
		return view(load(id));
	}

	@Transactional
	UserView create(String username, String password, String displayName, Set<Role> roles) {
		this.stepUp.require("add a staff member");
		List<FieldProblem> problems = new ArrayList<>();
		String normalised = (username == null) ? "" : username.trim().toLowerCase(Locale.ROOT);
		if (!normalised.matches("[a-z0-9][a-z0-9._-]{2,63}")) {
			problems.add(new FieldProblem("username",
					"3 to 64 characters: letters, digits, dot, dash or underscore, starting with a letter or digit"));
		}
		else if (this.accounts.findByUsername(normalised).isPresent()) {
			problems.add(new FieldProblem("username", "is already taken"));
		}
		problems.addAll(passwordProblems(password, normalised));
		problems.addAll(profileProblems(displayName, roles));
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		StaffAccount account = this.accounts.save(StaffAccount.create(normalised, displayName.trim(),
				this.passwords.encode(password), roles, Instant.now(this.clock)));
		this.directory.invalidate();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, account.id())
			.category(DataCategory.ADMINISTRATION)
			.detail("username=" + normalised + " roles=" + account.roles()));
		this.audit.record(AuditEvent.of(AuditAction.PRIVILEGE_CHANGE, RESOURCE, account.id())
			.category(DataCategory.ADMINISTRATION)
			.detail("roles: [] -> " + account.roles()));
		return view(account);
	}

	@Transactional
	UserView update(UUID id, long version, String displayName, Set<Role> roles) {
		this.stepUp.require("change a staff member's roles or name");
		StaffAccount account = load(id);
		if (account.version() != version) {
			throw new VersionConflictException(RESOURCE, id, account.version());
		}
		List<FieldProblem> problems = new ArrayList<>(profileProblems(displayName, roles));
		if (isSelf(id) && account.roles().contains(Role.ADMIN) && !roles.contains(Role.ADMIN)) {
			problems.add(new FieldProblem("roles", "you cannot remove your own administrator role"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Set<Role> before = account.roles();
		account.update(displayName.trim(), roles, Instant.now(this.clock));
		this.accounts.save(account);
		this.directory.invalidate();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id).category(DataCategory.ADMINISTRATION));
		if (!before.equals(account.roles())) {
			// A signed-in session carries the roles it signed in with: it ends, and the
			// next
			// sign-in has the new ones.
			this.revocation.endAll(id, account.username(), AccessEnded.Reason.ROLES_CHANGED);
			this.audit.record(AuditEvent.of(AuditAction.PRIVILEGE_CHANGE, RESOURCE, id)
				.category(DataCategory.ADMINISTRATION)
				.detail("roles: " + before + " -> " + account.roles()));
		}
		return view(account);
	}

	@Transactional
	UserView setActive(UUID id, boolean active) {
		this.stepUp.require("activate or deactivate a staff member");
		StaffAccount account = load(id);
		if (!active && isSelf(id)) {
			throw InvalidInputException.of("active", "you cannot deactivate your own account");
		}
		account.setActive(active, Instant.now(this.clock));
		this.accounts.save(account);
		this.directory.invalidate();
		if (!active) {
			this.revocation.endAll(id, account.username(), AccessEnded.Reason.DEACTIVATED);
		}
		this.audit.record(AuditEvent.of(AuditAction.PRIVILEGE_CHANGE, RESOURCE, id)
			.category(DataCategory.ADMINISTRATION)
			.detail(active ? "reactivated" : "deactivated"));
		return view(account);
	}

	@Transactional
	void resetPassword(UUID id, String password) {
		this.stepUp.require("reset a staff member's password");
		StaffAccount account = load(id);
		List<FieldProblem> problems = passwordProblems(password, account.username());
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		account.changePassword(this.passwords.encode(password), Instant.now(this.clock));
		this.accounts.save(account);
		this.revocation.endAll(id, account.username(), AccessEnded.Reason.PASSWORD_RESET);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.category(DataCategory.SECURITY)
			.detail("password reset by administrator"));
	}

	/**
	 * Sets (or, with null, clears) a clinician's NPI: 400 unless it has ten digits and
	 * its check digit ({@link org.kapclinic.shared.Npi}).
	 */
	@Transactional
	UserView setNpi(UUID id, String npi) {
		String value = (npi == null || npi.isBlank()) ? null : npi.strip();
		if (value != null && !org.kapclinic.shared.Npi.valid(value)) {
			throw new InvalidInputException(List.of(new FieldProblem("npi", org.kapclinic.shared.Npi.problem())));
		}
		StaffAccount account = load(id);
		if (java.util.Objects.equals(value, account.npi())) {
			return view(account);
		}
		account.changeNpi(value, Instant.now(this.clock));
		this.accounts.save(account);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.category(DataCategory.ADMINISTRATION)
			.detail("npi " + ((value == null) ? "cleared" : "set")));
		return view(account);
	}

	@Transactional
	void unlock(UUID id) {
		this.stepUp.require("unlock a staff member");
		StaffAccount account = load(id);
		this.attempts.reset(account.username());
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.category(DataCategory.SECURITY)
			.detail("lockout lifted by administrator"));
	}

	/**
	 * A staff member lost their phone and their recovery codes: their second factor is
	 * removed (they set up a new one at their next sign-in where their role requires it),
	 * and their sessions and tokens end.
	 */
	@Transactional
	void resetSecondFactor(UUID id) {
		this.stepUp.require("reset a staff member's two-factor sign-in");
		StaffAccount account = load(id);
		this.secondFactors.reset(id);
		this.revocation.endAll(id, account.username(), AccessEnded.Reason.PASSWORD_RESET);
		this.audit.record(AuditEvent.of(AuditAction.PRIVILEGE_CHANGE, RESOURCE, id)
			.category(DataCategory.SECURITY)
			.detail("two-factor sign-in reset by administrator"));
	}

	List<FieldProblem> passwordProblems(String password, String username) {
		return PasswordPolicy.problems(password, username, this.settings.minPasswordLength());
	}

	private static List<FieldProblem> profileProblems(String displayName, Set<Role> roles) {
		List<FieldProblem> problems = new ArrayList<>();
		if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
			problems.add(new FieldProblem("displayName", "is required (at most 200 characters)"));
		}
		if (roles == null || roles.isEmpty()) {
			problems.add(new FieldProblem("roles", "at least one role is required"));
		}
		return problems;
	}

	private boolean isSelf(UUID id) {
		return this.currentUser.require().id().equals(id);
	}

	private StaffAccount load(UUID id) {
		return this.accounts.findById(id).orElseThrow(() -> new NotFoundException(RESOURCE, id));
	}

	private UserView view(StaffAccount account) {
		return new UserView(account.id(), account.username(), account.displayName(), account.roles(), account.active(),
				this.attempts.isLockedAnywhere(account.username()), account.version(), account.npi());
	}

	/** An account as administrators see it. */
	record UserView(UUID id, String username, String displayName, Set<Role> roles, boolean active, boolean locked,
			long version, String npi) {
	}

}
