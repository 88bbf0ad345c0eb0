package org.kapclinic.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.Set;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates staff accounts outside a signed-in session: the synthetic demo clinic and
 * future bulk imports. Not reachable from any web endpoint.
 */
@Service
@NamedInterface("demo")
public class StaffImport {

	private final StaffAccounts accounts;

	private final PasswordEncoder passwords;

	private final UserDirectory directory;

	private final Clock clock;

	StaffImport(StaffAccounts accounts, PasswordEncoder passwords, UserDirectory directory, Clock clock) {
		this.accounts = accounts;
		this.passwords = passwords;
		this.directory = directory;
		this.clock = clock;
	}

	/** The account with this username, created with the given details if missing. */
	@Transactional
	public StaffMember ensure(String username, String displayName, String password, Set<Role> roles) {
		return this.accounts.findByUsername(username).orElseGet(() -> {
			StaffAccount created = this.accounts.save(StaffAccount.create(username, displayName,
					this.passwords.encode(password), roles, Instant.now(this.clock)));
			this.directory.invalidate();
			return created;
		}).toMember();
	}

	/** Sets a demo clinician's NPI (fictional: the demo's start with 9). */
	@Transactional
	public void npi(String username, String npi) {
		this.accounts.findByUsername(username).ifPresent((account) -> {
			account.changeNpi(npi, Instant.now(this.clock));
			this.accounts.save(account);
		});
	}

}
