package org.kapclinic.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.Secrets;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versioned consent texts. The shipped first versions ({@code consent/<CODE>.v1.md}) are
 * published on start when missing; an administrator's edit publishes a new version, and
 * old signatures keep pointing at the exact text (and hash) they signed.
 */
@Service
@Order(5)
class ConsentDocuments implements ApplicationRunner {

	/** Document codes (a public API contract). */
	public static final List<String> CODES = List.of("KAP_TREATMENT", "IV_INFUSION_TREATMENT",
			"ESKETAMINE_REMS_ENROLLMENT", "TELEHEALTH", "RELEASE_OF_INFORMATION", "ASSENT_MINOR");

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	ConsentDocuments(JdbcClient jdbc, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (String code : CODES) {
			if (latest(code).isEmpty()) {
				String body = shipped(code);
				insert(code, 1, title(body), body, "shipped with the application");
			}
		}
	}

	/** The newest version of every document. */
	@Transactional(readOnly = true)
	public List<ConsentDocument> current() {
		return this.jdbc.sql("""
				select distinct on (code) * from intake.consent_document order by code, version desc""")
			.query((rs, n) -> map(rs))
			.list();
	}

	public Optional<ConsentDocument> latest(String code) {
		return this.jdbc.sql("select * from intake.consent_document where code = ? order by version desc limit 1")
			.param(code)
			.query((rs, n) -> map(rs))
			.optional();
	}

	public Optional<ConsentDocument> find(String code, int version) {
		return this.jdbc.sql("select * from intake.consent_document where code = ? and version = ?")
			.params(code, version)
			.query((rs, n) -> map(rs))
			.optional();
	}

	/** Publishes a new version of a document's text (administrators; audited). */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	public ConsentDocument publish(String code, String body, String publishedBy) {
		if (!CODES.contains(code)) {
			throw InvalidInputException.of("code", "unknown consent document " + code + "; one of " + CODES);
		}
		if (body == null || body.isBlank() || !body.startsWith("# ")) {
			throw InvalidInputException.of("body", "the text must start with a '# Title' line");
		}
		int version = latest(code).map(ConsentDocument::version).orElse(0) + 1;
		insert(code, version, title(body), body, publishedBy);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "ConsentDocument", code + " v" + version)
			.category(DataCategory.ADMINISTRATION));
		return find(code, version).orElseThrow();
	}

	private void insert(String code, int version, String title, String body, String publishedBy) {
		this.jdbc.sql("""
				insert into intake.consent_document (code, version, title, body, sha256, published_at, published_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(code, version, title, body, sha256(body), Timestamp.from(Instant.now(this.clock)), publishedBy)
			.update();
	}

	static String sha256(String text) {
		return Secrets.sha256Hex(text);
	}

	private static String shipped(String code) {
		try {
			return new ClassPathResource("consent/" + code + ".v1.md").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String title(String body) {
		String first = body.lines().findFirst().orElse("").trim();
		return first.startsWith("# ") ? first.substring(2).trim() : first;
	}

	private static ConsentDocument map(ResultSet rs) throws SQLException {
		return new ConsentDocument(rs.getString("code"), rs.getInt("version"), rs.getString("title"),
				rs.getString("body"), rs.getString("sha256"), rs.getTimestamp("published_at").toInstant());
	}

}
