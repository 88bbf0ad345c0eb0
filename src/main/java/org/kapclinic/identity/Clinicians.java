package org.kapclinic.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * The clinic's clinicians (staff holding a prescriber, nurse or therapist role) as other
 * systems see them (FHIR Practitioner): name, clinical roles, whether the account is
 * active, and the NPI if one is on file. Never credentials, second factors or sign-in
 * data. Any staff member may look them up (care teams show these names); every look-up is
 * audited.
 */
@Service
public class Clinicians {

	/** The roles that make a staff member a clinician. */
	public static final Set<Role> CLINICAL_ROLES = Collections
		.unmodifiableSet(EnumSet.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST));

	static final String RESOURCE = "Clinician";

	private static final String SELECT = """
			select u.id, u.display_name, u.active, u.npi,
			       array_agg(r.role order by r.role) as roles
			from identity.app_user u join identity.user_role r on r.user_id = u.id
			where r.role in ('PRESCRIBER', 'NURSE', 'THERAPIST')""";

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	Clinicians(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/**
	 * A clinician as others see them.
	 *
	 * @param roles the clinical roles held (prescriber, nurse, therapist)
	 * @param npi the National Provider Identifier, or null
	 */
	public record Clinician(UUID id, String displayName, Set<Role> roles, boolean active, String npi) {
	}

	/** The clinician with this id; empty for an unknown id or a non-clinical account. */
	public Optional<Clinician> find(UUID id) {
		requireStaff();
		Optional<Clinician> found = this.jdbc.sql(SELECT + " and u.id = ? group by u.id")
			.param(id)
			.query(Clinicians::map)
			.optional();
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, id)
			.category(DataCategory.ADMINISTRATION)
			.detail(found.isPresent() ? "clinician" : "no such clinician"));
		return found;
	}

	/**
	 * Clinicians, active or not, by display name and id; with a {@code name}, those whose
	 * name has a word starting with it (any case); with an {@code npi}, the one with that
	 * NPI.
	 */
	public List<Clinician> search(String name, String npi, int offset, int limit) {
		requireStaff();
		StringBuilder sql = new StringBuilder(SELECT);
		List<Object> params = new java.util.ArrayList<>();
		if (name != null && !name.isBlank()) {
			String prefix = like(name.strip().toLowerCase(Locale.ROOT));
			sql.append(" and (lower(u.display_name) like ? escape '\\' or lower(u.display_name) like ? escape '\\')");
			params.add(prefix + "%");
			params.add("% " + prefix + "%");
		}
		if (npi != null) {
			sql.append(" and u.npi = ?");
			params.add(npi.strip());
		}
		sql.append(" group by u.id order by u.display_name, u.id limit ? offset ?");
		params.add(limit);
		params.add(offset);
		List<Clinician> found = this.jdbc.sql(sql.toString()).params(params).query(Clinicians::map).list();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.ADMINISTRATION)
			.detail("name=" + ((name == null) ? "" : name) + ((npi == null) ? "" : " npi=" + npi) + " offset=" + offset
					+ " results=" + found.size()));
		return found;
	}

	/** Staff of any working role (not a metrics-only account). */
	private StaffMember requireStaff() {
		StaffMember user = this.currentUser.require();
		if (user.roles().stream().noneMatch(Role.staff()::contains)) {
			throw new AccessDeniedException("Only clinic staff look up clinicians");
		}
		return user;
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Clinician map(ResultSet rs, int n) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String role : (String[]) rs.getArray("roles").getArray()) {
			roles.add(Role.valueOf(role));
		}
		return new Clinician(rs.getObject("id", UUID.class), rs.getString("display_name"), Set.copyOf(roles),
				rs.getBoolean("active"), rs.getString("npi"));
	}

}
