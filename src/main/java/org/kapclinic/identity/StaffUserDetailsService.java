package org.kapclinic.identity;

import org.kapclinic.identity.mfa.SecondFactors;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Loads staff for password sign-in, marking an account locked while lockout applies and
 * noting whether a second factor is due.
 */
@Service
class StaffUserDetailsService implements UserDetailsService {

	private final StaffAccounts accounts;

	private final LoginAttempts attempts;

	private final SecondFactors secondFactors;

	private final IdentitySettings settings;

	StaffUserDetailsService(StaffAccounts accounts, LoginAttempts attempts, SecondFactors secondFactors,
			IdentitySettings settings) {
		this.accounts = accounts;
		this.attempts = attempts;
		this.secondFactors = secondFactors;
		this.settings = settings;
	}

	@Override
	public UserDetails loadUserByUsername(String username) {
		StaffAccount account = this.accounts.findByUsername(username.trim())
			.orElseThrow(() -> new UsernameNotFoundException("No such user"));
		StaffMember member = account.toMember();
		SecondFactorState secondFactor = this.secondFactors.enrolled(member.id()) ? SecondFactorState.ENROLLED
				: this.settings.secondFactorRequiredFor(member.roles()) ? SecondFactorState.TO_SET_UP
						: SecondFactorState.NOT_REQUIRED;
		return new StaffPrincipal(member, account.passwordHash(), this.attempts.isLocked(username), secondFactor);
	}

}
