package org.kapclinic.intake;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.identity.StepUp;
import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published eligibility rule sets. Shipped versions
 * ({@code eligibility/rule-sets/<version>.json}) are published by Flyway migrations (see
 * {@link RuleSetMigration}); administrators publish later versions. The newest published
 * version is the one screenings use, and each screening stores it.
 */
@Service
class RuleSets {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final AuditTrail audit;

	private final Clock clock;

	private final Map<String, RuleSet> parsed = new ConcurrentHashMap<>();

	private final StepUp stepUp;

	RuleSets(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Clock clock, StepUp stepUp) {
		this.stepUp = stepUp;
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.clock = clock;
	}

	/** The rule set screenings use now. */
	RuleSet current() {
		String version = this.jdbc.sql("select version from intake.rule_set order by published_at desc limit 1")
			.query(String.class)
			.single();
		return byVersion(version);
	}

	RuleSet byVersion(String version) {
		return this.parsed.computeIfAbsent(version,
				(v) -> RuleSet.parse(
						this.json.readTree(this.jdbc.sql("select document::text from intake.rule_set where version = ?")
							.param(v)
							.query(String.class)
							.single())));
	}

	JsonNode currentDocument() {
		return this.json
			.readTree(this.jdbc.sql("select document::text from intake.rule_set order by published_at desc limit 1")
				.query(String.class)
				.single());
	}

	/**
	 * Publishes a new version (administrators only; audited). Versions are never
	 * overwritten.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	@Transactional
	RuleSet publish(JsonNode document, String publishedBy) {
		this.stepUp.require("publish an eligibility rule set");
		RuleSet rules = RuleSet.parse(document);
		if (exists(rules.version())) {
			throw InvalidInputException.of("version", "version " + rules.version() + " exists; publish a new version");
		}
		insert(rules.version(), document, publishedBy);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "EligibilityRuleSet", rules.version())
			.category(DataCategory.ADMINISTRATION)
			.detail("published " + rules.rules().size() + " rules"));
		return rules;
	}

	private boolean exists(String version) {
		return this.jdbc.sql("select exists (select 1 from intake.rule_set where version = ?)")
			.param(version)
			.query(Boolean.class)
			.single();
	}

	private void insert(String version, JsonNode document, String publishedBy) {
		this.jdbc.sql(
				"insert into intake.rule_set (version, document, published_at, published_by) values (?, ?::jsonb, ?, ?)")
			.params(version, this.json.writeValueAsString(document), Timestamp.from(Instant.now(this.clock)),
					publishedBy)
			.update();
	}

}
