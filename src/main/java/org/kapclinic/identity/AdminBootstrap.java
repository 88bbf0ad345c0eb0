package org.kapclinic.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * On a start where no active administrator exists, {@code KAP_ADMIN_PASSWORD} creates the
 * user {@code admin}. Without it, a fresh install has nobody who could sign in, and says
 * so in the log.
 */
@Component
@Order(20)
class AdminBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	private final AuditTrail audit;

	private final Clock clock;

	private final String adminPassword;

	private final int minPasswordLength;

	AdminBootstrap(StaffAccounts accounts, PasswordEncoder passwords, AuditTrail audit, Clock clock,
			IdentitySettings settings, @Value("${kap.admin-password:}") String adminPassword) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.audit = audit;
		this.clock = clock;
		this.adminPassword = adminPassword;
		this.minPasswordLength = settings.minPasswordLength();
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.accounts.anyActiveAdmin()) {
			return;
		}
		if (this.adminPassword == null || this.adminPassword.isBlank()) {
			log.warn("No active administrator exists. Set KAP_ADMIN_PASSWORD and restart to create user 'admin'.");
			return;
		}
		if (this.adminPassword.length() < this.minPasswordLength) {
			throw new IllegalStateException(List
				.of(new FieldProblem("KAP_ADMIN_PASSWORD",
						"must be at least " + this.minPasswordLength + " characters"))
				.toString());
		}
		if (this.accounts.findByUsername("admin").isPresent()) {
			throw new IllegalStateException("A user 'admin' exists but is not an active administrator; "
					+ "refusing to change it. Reactivate it from the database or another admin account.");
		}
		StaffAccount admin = this.accounts.save(StaffAccount.create("admin", "Administrator",
				this.passwords.encode(this.adminPassword), EnumSet.of(Role.ADMIN), Instant.now(this.clock)));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "StaffAccount", admin.id())
			.category(DataCategory.ADMINISTRATION)
			.detail("bootstrap administrator from KAP_ADMIN_PASSWORD"));
		log.info("Created administrator 'admin' from KAP_ADMIN_PASSWORD.");
	}

}
