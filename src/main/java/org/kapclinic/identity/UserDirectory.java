package org.kapclinic.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Looks up staff members for other modules (care teams, note authors, schedules). */
@Service
@Transactional(readOnly = true)
public class UserDirectory {

	private final StaffAccounts accounts;

	UserDirectory(StaffAccounts accounts) {
		this.accounts = accounts;
	}

	public Optional<StaffMember> find(UUID id) {
		return this.accounts.findById(id).map(StaffAccount::toMember);
	}

	public Map<UUID, StaffMember> findAll(Collection<UUID> ids) {
		return this.accounts.findAllById(ids)
			.stream()
			.map(StaffAccount::toMember)
			.collect(Collectors.toMap(StaffMember::id, Function.identity()));
	}

	/** Active staff holding any of the given roles, by display name. */
	public List<StaffMember> activeWithAnyRole(Collection<Role> roles) {
		return this.accounts.findAll()
			.stream()
			.map(StaffAccount::toMember)
			.filter((member) -> member.active() && member.roles().stream().anyMatch(roles::contains))
			.sorted(java.util.Comparator.comparing(StaffMember::displayName))
			.toList();
	}

}
