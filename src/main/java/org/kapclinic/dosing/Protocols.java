package org.kapclinic.dosing;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dosing protocols: the shipped files are stored on start (each version once); an
 * administrator publishes a new version, never edits one. A session keeps the version it
 * started with, so a stored version is immutable and cached in memory.
 */
@Service
class Protocols {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<String, Protocol> versions = new ConcurrentHashMap<>();

	Protocols(JdbcClient jdbc, JsonMapper json, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void storeShipped() throws IOException {
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:protocols/*.json")) {
			try (InputStream in = resource.getInputStream()) {
				Protocol protocol = this.json.readValue(in, Protocol.class);
				List<FieldProblem> problems = ProtocolRules.problems(protocol);
				if (!problems.isEmpty()) {
					throw new IllegalStateException(resource.getFilename() + ": " + problems);
				}
				store(protocol, null);
			}
		}
	}

	/**
	 * The shipped protocols, for callers that run before the application is ready (the
	 * demo loader); storing twice is harmless.
	 */
	public void storeShippedQuietly() {
		try {
			storeShipped();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** The newest version of every protocol. */
	public List<Protocol> current() {
		return this.jdbc.sql("select distinct on (code) body::text from dosing.protocol order by code, version desc")
			.query(String.class)
			.list()
			.stream()
			.map(this::read)
			.toList();
	}

	/** The newest version of one protocol, or 404. */
	public Protocol current(String code) {
		return this.jdbc.sql("select body::text from dosing.protocol where code = ? order by version desc limit 1")
			.param(code)
			.query(String.class)
			.optional()
			.map(this::read)
			.orElseThrow(() -> new NotFoundException("Protocol", code));
	}

	/**
	 * One stored version, cached: versions never change (no transaction, so a cache hit
	 * costs no connection).
	 */
	public Protocol version(String code, int version) {
		return this.versions.computeIfAbsent(code + "@" + version, (key) -> find(code, version)
			.orElseThrow(() -> new NotFoundException("Protocol", code + " v" + version)));
	}

	private Optional<Protocol> find(String code, int version) {
		return this.jdbc.sql("select body::text from dosing.protocol where code = ? and version = ?")
			.params(code, version)
			.query(String.class)
			.optional()
			.map(this::read);
	}

	/** Every stored version of one protocol, newest first (the editor's history). */
	public List<Published> history(String code) {
		return this.jdbc
			.sql("select version, published_at, published_by from dosing.protocol where code = ? order by version desc")
			.param(code)
			.query((rs, n) -> new Published(rs.getInt("version"), rs.getTimestamp("published_at").toInstant(),
					rs.getObject("published_by", UUID.class)))
			.list();
	}

	/**
	 * When each protocol's newest version was published, by code (one query for a list).
	 */
	public Map<String, Published> newestPublications() {
		Map<String, Published> newest = new java.util.LinkedHashMap<>();
		this.jdbc.sql("""
				select distinct on (code) code, version, published_at, published_by from dosing.protocol
				order by code, version desc""")
			.query((rs, n) -> newest.put(rs.getString("code"),
					new Published(rs.getInt("version"), rs.getTimestamp("published_at").toInstant(),
							rs.getObject("published_by", UUID.class))))
			.list();
		return newest;
	}

	/**
	 * One stored version's publication.
	 *
	 * @param publishedBy null for a version shipped with the application
	 */
	public record Published(int version, Instant publishedAt, UUID publishedBy) {
	}

	/** ADMIN publishes a new version; an existing code + version is refused. */
	@Transactional
	public Protocol publish(Protocol protocol) {
		if (!this.currentUser.require().has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators publish protocols");
		}
		List<FieldProblem> problems = new java.util.ArrayList<>(ProtocolRules.problems(protocol));
		if (protocol.code() != null && protocol.version() != null
				&& find(protocol.code(), protocol.version()).isPresent()) {
			problems.add(new FieldProblem("version", "this version exists; protocols are versioned, never edited"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		store(protocol, this.currentUser.require().id());
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "Protocol", protocol.code())
			.category(DataCategory.ADMINISTRATION)
			.detail("version " + protocol.version()));
		return protocol;
	}

	private void store(Protocol protocol, UUID by) {
		this.jdbc.sql("""
				insert into dosing.protocol (code, version, body, published_at, published_by)
				values (?, ?, ?::jsonb, ?, ?) on conflict do nothing""")
			.params(protocol.code(), protocol.version(), this.json.writeValueAsString(protocol),
					Timestamp.from(Instant.now(this.clock)), by)
			.update();
	}

	private Protocol read(String body) {
		return this.json.readValue(body, Protocol.class);
	}

}
