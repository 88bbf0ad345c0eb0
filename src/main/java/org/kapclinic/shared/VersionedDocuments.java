package org.kapclinic.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Documents that are published in versions and never edited (dosing protocols, course
 * templates): each version is stored once as JSON in a table of {@code code, version,
 * body, published_at, published_by}; the newest version of a code is the one offered; a
 * record made under an older version keeps reading it, so a stored version is cached. The
 * shipped files are stored on start, each version once; an administrator's copy is
 * published as a version that does not exist yet.
 *
 * <p>
 * The owner of each kind keeps who may publish and the audit row; this class keeps what
 * every kind repeats: storing, the newest, one version, the history, the version-exists
 * refusal.
 */
public final class VersionedDocuments<T> {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Clock clock;

	private final Kind<T> kind;

	private final Map<String, T> versions = new ConcurrentHashMap<>();

	public VersionedDocuments(JdbcClient jdbc, JsonMapper json, Clock clock, Kind<T> kind) {
		this.jdbc = jdbc;
		this.json = json;
		this.clock = clock;
		this.kind = kind;
	}

	/**
	 * One kind of versioned document.
	 *
	 * @param table the table (schema-qualified)
	 * @param type the document's type, read from and written to the body as JSON
	 * @param noun what a document is called in a refusal ("protocols")
	 * @param code the document's code
	 * @param version its version, as text (numbers are compared as numbers by
	 * {@code newestFirst})
	 * @param newestFirst the SQL order that puts a code's newest version first
	 * ({@code version desc} for numbered versions, {@code published_at desc} for named
	 * ones)
	 * @param rules the problems with a document, empty when it may be published
	 */
	public record Kind<T>(String table, Class<T> type, String noun, Function<T, String> code,
			Function<T, Object> version, String newestFirst, Function<T, List<FieldProblem>> rules) {
	}

	/**
	 * When and by whom one version was published.
	 *
	 * @param publishedBy null for a version shipped with the application
	 */
	public record Publication(String version, Instant publishedAt, UUID publishedBy) {
	}

	/**
	 * Stores the shipped files matching a classpath pattern (each version once; storing
	 * again is harmless). A shipped file that breaks the rules stops the start.
	 */
	public void storeShipped(String pattern) {
		try {
			for (Resource resource : new PathMatchingResourcePatternResolver().getResources(pattern)) {
				try (InputStream in = resource.getInputStream()) {
					T document = this.json.readValue(in, this.kind.type());
					List<FieldProblem> problems = this.kind.rules().apply(document);
					if (!problems.isEmpty()) {
						throw new IllegalStateException(resource.getFilename() + ": " + problems);
					}
					insert(document, null);
				}
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** The newest version of every code. */
	public List<T> current() {
		return this.jdbc
			.sql("select distinct on (code) body::text from " + this.kind.table() + " order by code, "
					+ this.kind.newestFirst())
			.query(String.class)
			.list()
			.stream()
			.map(this::read)
			.toList();
	}

	/** The newest version of one code. */
	public Optional<T> current(String code) {
		return this.jdbc
			.sql("select body::text from " + this.kind.table() + " where code = ? order by " + this.kind.newestFirst()
					+ " limit 1")
			.param(code)
			.query(String.class)
			.optional()
			.map(this::read);
	}

	/**
	 * One stored version, cached (versions never change; a hit costs no connection).
	 */
	public Optional<T> version(String code, Object version) {
		String key = code + "@" + version;
		T cached = this.versions.get(key);
		if (cached != null) {
			return Optional.of(cached);
		}
		Optional<T> found = this.jdbc
			.sql("select body::text from " + this.kind.table() + " where code = ? and version::text = ?")
			.params(code, String.valueOf(version))
			.query(String.class)
			.optional()
			.map(this::read);
		found.ifPresent((document) -> this.versions.put(key, document));
		return found;
	}

	/** Every stored version of one code, newest first. */
	public List<Publication> history(String code) {
		return this.jdbc
			.sql("select version::text, published_at, published_by from " + this.kind.table()
					+ " where code = ? order by " + this.kind.newestFirst())
			.param(code)
			.query((rs, n) -> new Publication(rs.getString(1), rs.getTimestamp(2).toInstant(),
					rs.getObject(3, UUID.class)))
			.list();
	}

	/** When each code's newest version was published, by code (one query for a list). */
	public Map<String, Publication> newestPublications() {
		Map<String, Publication> newest = new LinkedHashMap<>();
		this.jdbc
			.sql("select distinct on (code) code, version::text, published_at, published_by from " + this.kind.table()
					+ " order by code, " + this.kind.newestFirst())
			.query((rs, n) -> newest.put(rs.getString(1),
					new Publication(rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getObject(4, UUID.class))))
			.list();
		return newest;
	}

	/**
	 * Publishes a document as a version that does not exist yet, or refuses with every
	 * problem (its rules, and an existing version: versions are never edited).
	 */
	public T publish(T document, UUID by) {
		List<FieldProblem> problems = new ArrayList<>(this.kind.rules().apply(document));
		String code = this.kind.code().apply(document);
		Object version = this.kind.version().apply(document);
		if (code != null && version != null && version(code, version).isPresent()) {
			problems.add(new FieldProblem("version",
					"this version exists; " + this.kind.noun() + " are versioned, never edited"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		insert(document, by);
		return document;
	}

	private void insert(T document, UUID by) {
		this.jdbc
			.sql("insert into " + this.kind.table() + " (code, version, body, published_at, published_by)"
					+ " values (?, ?, ?::jsonb, ?, ?) on conflict do nothing")
			.params(this.kind.code().apply(document), this.kind.version().apply(document),
					this.json.writeValueAsString(document), Timestamp.from(Instant.now(this.clock)), by)
			.update();
	}

	private T read(String body) {
		return this.json.readValue(body, this.kind.type());
	}

}
