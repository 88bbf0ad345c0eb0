package org.kapclinic.identity;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A staff login. Accounts are deactivated, never deleted. */
@Table(name = "app_user", schema = "identity")
class StaffAccount {

	@Id
	private UUID id;

	private String username;

	private String displayName;

	private String passwordHash;

	private boolean active;

	/**
	 * The clinician's National Provider Identifier (issue 20), checked before it is set.
	 */
	private String npi;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@MappedCollection(idColumn = "user_id")
	private Set<RoleGrant> roles;

	@PersistenceCreator
	StaffAccount() {
	}

	static StaffAccount create(String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
		StaffAccount account = new StaffAccount();
		account.id = UUID.randomUUID();
		account.username = username.toLowerCase(java.util.Locale.ROOT);
		account.displayName = displayName;
		account.passwordHash = passwordHash;
		account.active = true;
		account.createdAt = now;
		account.updatedAt = now;
		account.roles = grants(roles);
		return account;
	}

	void update(String displayName, Set<Role> roles, Instant now) {
		this.displayName = displayName;
		this.roles = grants(roles);
		this.updatedAt = now;
	}

	void changePassword(String passwordHash, Instant now) {
		this.passwordHash = passwordHash;
		this.updatedAt = now;
	}

	void changeNpi(String npi, Instant now) {
		this.npi = npi;
		this.updatedAt = now;
	}

	String npi() {
		return this.npi;
	}

	void setActive(boolean active, Instant now) {
		this.active = active;
		this.updatedAt = now;
	}

	private static Set<RoleGrant> grants(Set<Role> roles) {
		return roles.stream().map(RoleGrant::new).collect(Collectors.toSet());
	}

	UUID id() {
		return this.id;
	}

	String username() {
		return this.username;
	}

	String displayName() {
		return this.displayName;
	}

	String passwordHash() {
		return this.passwordHash;
	}

	boolean active() {
		return this.active;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

	Set<Role> roles() {
		Set<Role> result = EnumSet.noneOf(Role.class);
		this.roles.forEach((grant) -> result.add(grant.role()));
		return result;
	}

	StaffMember toMember() {
		return new StaffMember(this.id, this.username, this.displayName, roles(), this.active);
	}

	@Table(name = "user_role", schema = "identity")
	record RoleGrant(Role role) {
	}

}
