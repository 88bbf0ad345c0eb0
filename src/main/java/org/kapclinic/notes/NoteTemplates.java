package org.kapclinic.notes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.shared.ClusterSignals;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Note templates as data: {@code notes/templates.json} is published as version 1 of each
 * type on start when missing; an administrator publishes later versions. The newest
 * version of each type is cached (templates change rarely; every save reads one).
 */
@Service
@Order(6)
class NoteTemplates implements ApplicationRunner {

	private static final TypeReference<List<NoteTemplate.Field>> FIELDS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	private static final String SIGNAL = "note-template-published";

	private final ClusterSignals signals;

	private final Map<String, NoteTemplate> latest = new ConcurrentHashMap<>();

	private final Map<String, NoteTemplate> versions = new ConcurrentHashMap<>();

	NoteTemplates(JdbcClient jdbc, JsonMapper json, CurrentUser currentUser, AuditTrail audit, Clock clock,
			ClusterSignals signals) {
		this.signals = signals;
		signals.subscribe(SIGNAL, (code) -> {
			if (code == null) {
				this.latest.clear();
			}
			else {
				this.latest.remove(code);
			}
		});
		this.jdbc = jdbc;
		this.json = json;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (Shipped shipped : shipped()) {
			if (find(shipped.code()).isEmpty()) {
				insert(shipped.code(), 1, shipped.name(), shipped.fields(), "shipped with the application");
			}
		}
	}

	/** The newest version of every type. */
	@Transactional(readOnly = true)
	public List<NoteTemplate> current() {
		List<NoteTemplate> all = new ArrayList<>();
		for (NoteType type : NoteType.values()) {
			all.add(latest(type));
		}
		return all;
	}

	/** The version a note was written on (cached: published versions never change). */
	NoteTemplate version(NoteType type, int version) {
		return this.versions.computeIfAbsent(type.name() + ":" + version,
				(key) -> this.jdbc.sql("select * from notes.note_template where code = ? and version = ?")
					.params(type.name(), version)
					.query((rs, n) -> map(rs))
					.optional()
					.orElseThrow(() -> new IllegalStateException("no template " + key)));
	}

	NoteTemplate latest(NoteType type) {
		return this.latest.computeIfAbsent(type.name(),
				(code) -> find(code).orElseThrow(() -> new IllegalStateException("no template for " + code)));
	}

	/** ADMIN publishes a new version of a type's template (old notes keep theirs). */
	@Transactional
	public NoteTemplate publish(NoteType type, String name, List<NoteTemplate.Field> fields) {
		StaffMember user = this.currentUser.require();
		if (!user.has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators publish note templates");
		}
		if (name == null || name.isBlank()) {
			throw InvalidInputException.of("name", "a template needs a name");
		}
		if (fields == null || fields.isEmpty() || fields.size() > 30) {
			throw InvalidInputException.of("fields", "a template has 1–30 fields");
		}
		Set<String> keys = new HashSet<>();
		for (NoteTemplate.Field field : fields) {
			if (field.key() == null || !field.key().matches("[a-zA-Z][a-zA-Z0-9]{0,39}") || !keys.add(field.key())) {
				throw InvalidInputException.of("fields", "keys are unique letters and digits (max 40)");
			}
			if (field.label() == null || field.label().isBlank() || field.label().length() > 200) {
				throw InvalidInputException.of("fields", "every field has a label (max 200)");
			}
		}
		int version = latest(type).version() + 1;
		insert(type.name(), version, name.trim(), fields, user.username());
		this.latest.remove(type.name());
		// Other instances forget their latest version when this commits.
		this.signals.publish(SIGNAL, type.name());
		return latest(type);
	}

	private void insert(String code, int version, String name, List<NoteTemplate.Field> fields, String by) {
		this.jdbc.sql("""
				insert into notes.note_template (code, version, name, fields, published_at, published_by)
				values (?, ?, ?, ?::jsonb, ?, ?)""")
			.params(code, version, name, this.json.writeValueAsString(fields), Timestamp.from(Instant.now(this.clock)),
					by)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "NoteTemplate", code + " v" + version)
			.category(DataCategory.ADMINISTRATION));
	}

	private Optional<NoteTemplate> find(String code) {
		return this.jdbc.sql("select * from notes.note_template where code = ? order by version desc limit 1")
			.param(code)
			.query((rs, n) -> map(rs))
			.optional();
	}

	private NoteTemplate map(ResultSet rs) throws SQLException {
		return new NoteTemplate(rs.getString("code"), rs.getInt("version"), rs.getString("name"),
				this.json.readValue(rs.getString("fields"), FIELDS), rs.getTimestamp("published_at").toInstant(),
				rs.getString("published_by"));
	}

	private List<Shipped> shipped() {
		try (InputStream in = new ClassPathResource("notes/templates.json").getInputStream()) {
			return this.json.readValue(in, new TypeReference<List<Shipped>>() {
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private record Shipped(String code, String name, List<NoteTemplate.Field> fields) {
	}

}
