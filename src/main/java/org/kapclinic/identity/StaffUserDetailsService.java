package org.kapclinic.identity;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Loads staff for password sign-in, marking an account locked while lockout applies. */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccounts accounts;

	private final LoginAttempts attempts;

	StaffUserDetailsService(StaffAccounts accounts, LoginAttempts attempts) {
		this.accounts = accounts;
		this.attempts = attempts;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffAccount account = this.accounts.findByUsername(username.trim())
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		return new StaffPrincipal(account.toMember(), account.passwordHash(), this.attempts.isLocked(username));
	}

}
