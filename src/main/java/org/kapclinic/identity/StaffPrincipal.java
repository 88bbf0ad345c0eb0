package org.kapclinic.identity;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kapclinic.shared.ClinicPrincipal;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/** The signed-in staff member held in the security context. */
final class StaffPrincipal implements UserDetails, CredentialsContainer, ClinicPrincipal {

	private final StaffMember member;

	private String passwordHash;

	private final boolean locked;

	private final SecondFactorState secondFactor;

	StaffPrincipal(StaffMember member, String passwordHash, boolean locked) {
		this(member, passwordHash, locked, SecondFactorState.NOT_REQUIRED);
	}

	StaffPrincipal(StaffMember member, String passwordHash, boolean locked, SecondFactorState secondFactor) {
		this.member = member;
		this.passwordHash = passwordHash;
		this.locked = locked;
		this.secondFactor = secondFactor;
	}

	/** Whether signing in takes a second factor, and whether one is set up. */
	SecondFactorState secondFactor() {
		return this.secondFactor;
	}

	StaffMember member() {
		return this.member;
	}

	@Override
	public UUID userId() {
		return this.member.id();
	}

	@Override
	public String username() {
		return this.member.username();
	}

	@Override
	public Set<String> roleNames() {
		return this.member.roles().stream().map(Role::name).collect(Collectors.toSet());
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return this.member.roles().stream().map((role) -> new SimpleGrantedAuthority(role.authority())).toList();
	}

	@Override
	public String getPassword() {
		return this.passwordHash;
	}

	@Override
	public String getUsername() {
		return this.member.username();
	}

	@Override
	public boolean isAccountNonLocked() {
		return !this.locked;
	}

	@Override
	public boolean isEnabled() {
		return this.member.active();
	}

	@Override
	public void eraseCredentials() {
		this.passwordHash = null;
	}

	@Override
	public String toString() {
		return "StaffPrincipal[" + this.member.username() + "]";
	}

}
