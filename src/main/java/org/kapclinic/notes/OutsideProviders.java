package org.kapclinic.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The directory of outside providers: clinicians and administrators add entries. */
@Service
@Transactional
class OutsideProviders {

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	OutsideProviders(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	public OutsideProvider add(String name, String credentials, String practice, String secureContact) {
		StaffMember user = this.currentUser.require();
		if (!(user.has(Role.ADMIN) || NoteAccess.writes(user))) {
			throw new AccessDeniedException("Clinicians and administrators add outside providers");
		}
		List<FieldProblem> problems = new ArrayList<>();
		require(problems, "name", name, 200);
		require(problems, "secureContact", secureContact, 300);
		limit(problems, "credentials", credentials, 200);
		limit(problems, "practice", practice, 200);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		OutsideProvider provider = new OutsideProvider(UUID.randomUUID(), name.trim(), trim(credentials),
				trim(practice), secureContact.trim(), Instant.now(this.clock));
		this.jdbc
			.sql("""
					insert into notes.outside_provider (id, name, credentials, practice, secure_contact, created_at, created_by)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(provider.id(), provider.name(), provider.credentials(), provider.practice(),
					provider.secureContact(), Timestamp.from(provider.createdAt()), user.id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "OutsideProvider", provider.id())
			.category(DataCategory.ADMINISTRATION));
		return provider;
	}

	@Transactional(readOnly = true)
	public List<OutsideProvider> list() {
		this.currentUser.require();
		return this.jdbc.sql("select * from notes.outside_provider order by name limit 2000")
			.query((rs, n) -> map(rs))
			.list();
	}

	@Transactional(readOnly = true)
	public OutsideProvider find(UUID id) {
		return load(id).orElseThrow(() -> new NotFoundException("OutsideProvider", id));
	}

	Optional<OutsideProvider> load(UUID id) {
		return this.jdbc.sql("select * from notes.outside_provider where id = ?")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional();
	}

	private static OutsideProvider map(ResultSet rs) throws SQLException {
		return new OutsideProvider(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("credentials"),
				rs.getString("practice"), rs.getString("secure_contact"), rs.getTimestamp("created_at").toInstant());
	}

	private static void require(List<FieldProblem> problems, String field, String value, int max) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "is required"));
		}
		limit(problems, field, value, max);
	}

	private static void limit(List<FieldProblem> problems, String field, String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(new FieldProblem(field, "at most " + max + " characters"));
		}
	}

	private static String trim(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
