package org.kapclinic.identity;

import java.time.Duration;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Looks up staff members for other modules (care teams, note authors, schedules).
 *
 * <p>
 * A clinic has tens to hundreds of staff, so names for display are served from memory:
 * reloaded when staff change through this instance, when an unknown id is asked for, and
 * at most {@link #MAX_AGE} after the last load (changes made through another instance).
 * Decisions use {@link #findAllCurrent}, which always reads the database. Authorization
 * never uses this directory: roles come with the signed-in principal.
 */
@Service
public class UserDirectory {

	static final Duration MAX_AGE = Duration.ofSeconds(30);

	private static final String SELECT = """
			select u.id, u.username, u.display_name, u.active,
			       array_agg(r.role) filter (where r.role is not null) as roles
			from identity.app_user u left join identity.user_role r on r.user_id = u.id""";

	private final JdbcClient jdbc;

	private volatile Snapshot snapshot = new Snapshot(Map.of(), 0);

	UserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Optional<StaffMember> find(UUID id) {
		return Optional.ofNullable(findAll(List.of(id)).get(id));
	}

	/**
	 * The known members among {@code ids}, possibly up to {@link #MAX_AGE} stale; for
	 * display.
	 */
	public Map<UUID, StaffMember> findAll(Collection<UUID> ids) {
		Map<UUID, StaffMember> members = current();
		if (!members.keySet().containsAll(ids)) {
			members = reload();
		}
		Map<UUID, StaffMember> found = new HashMap<>();
		for (UUID id : ids) {
			StaffMember member = members.get(id);
			if (member != null) {
				found.put(id, member);
			}
		}
		return found;
	}

	/** The members among {@code ids} exactly as stored now; for decisions. */
	public Map<UUID, StaffMember> findAllCurrent(Collection<UUID> ids) {
		Map<UUID, StaffMember> found = new HashMap<>();
		if (ids.isEmpty()) {
			return found;
		}
		this.jdbc.sql(SELECT + " where u.id = any(?) group by u.id")
			.param(ids.toArray(UUID[]::new))
			.query((rs, n) -> map(rs))
			.list()
			.forEach((member) -> found.put(member.id(), member));
		return found;
	}

	/** Active staff holding any of the given roles, by display name. */
	public List<StaffMember> activeWithAnyRole(Collection<Role> roles) {
		return current().values()
			.stream()
			.filter((member) -> member.active() && member.roles().stream().anyMatch(roles::contains))
			.sorted(Comparator.comparing(StaffMember::displayName))
			.toList();
	}

	/** Staff changed through this instance: the next lookup reloads. */
	void invalidate() {
		this.snapshot = new Snapshot(Map.of(), 0);
	}

	private Map<UUID, StaffMember> current() {
		Snapshot current = this.snapshot;
		if (System.nanoTime() - current.loadedAt() > MAX_AGE.toNanos() || current.loadedAt() == 0) {
			return reload();
		}
		return current.members();
	}

	private Map<UUID, StaffMember> reload() {
		Map<UUID, StaffMember> members = new HashMap<>();
		this.jdbc.sql(SELECT + " group by u.id")
			.query((rs, n) -> map(rs))
			.list()
			.forEach((member) -> members.put(member.id(), member));
		this.snapshot = new Snapshot(Map.copyOf(members), System.nanoTime());
		return members;
	}

	private static StaffMember map(java.sql.ResultSet rs) throws java.sql.SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		java.sql.Array array = rs.getArray("roles");
		if (array != null) {
			for (String role : (String[]) array.getArray()) {
				roles.add(Role.valueOf(role));
			}
		}
		return new StaffMember(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("display_name"),
				Set.copyOf(roles), rs.getBoolean("active"));
	}

	private record Snapshot(Map<UUID, StaffMember> members, long loadedAt) {
	}

}
