package org.kapclinic.reports;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.measures.Measures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The public results page's content (issue 18): off until an administrator publishes a
 * report; then the newest snapshot not withdrawn. A snapshot is the report as it was,
 * small cells suppressed, so the public page never queries patient data.
 */
@Service
@Transactional
public class PublishedOutcomes {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final OutcomesReport report;

	private final Measures measures;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final ReportSettings settings;

	private final Clock clock;

	PublishedOutcomes(JdbcClient jdbc, JsonMapper json, OutcomesReport report, Measures measures,
			CurrentUser currentUser, AuditTrail audit, ReportSettings settings, Clock clock) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.json = json;
		this.report = report;
		this.measures = measures;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Publishes the report of {@code filter} (every window) in place of the current one.
	 */
	@PreAuthorize("hasRole('ADMIN')")
	public PublicOutcomes publish(OutcomeFilter filter) {
		OutcomeFilter everyWindow = new OutcomeFilter(filter.instrument(), filter.program(), filter.route(),
				filter.condition(), filter.ageBand(), filter.sexAtBirth(), filter.from(), filter.to(), null);
		OutcomesReportView view = this.report.report(everyWindow);
		Instant now = Instant.now(this.clock);
		PublicOutcomes snapshot = PublicOutcomes.of(view,
				this.measures.instrumentNames().getOrDefault(view.instrument(), view.instrument()),
				CohortWords.of(everyWindow), this.measures.outcomeRules().baselineWindow().toDays(),
				this.settings.followUpTolerance().toDays(), now);
		UUID user = this.currentUser.require().id();
		withdrawCurrent(user, now);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into reports.published_outcomes (id, snapshot, published_at, published_by)
				values (?, ?::jsonb, ?, ?)""")
			.params(id, this.json.writeValueAsString(snapshot), Timestamp.from(now), user)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "PublishedOutcomes", id)
			.detail("published on /outcomes: " + view.instrument() + ", " + snapshot.cohort()));
		return snapshot;
	}

	@PreAuthorize("hasRole('ADMIN')")
	public void withdraw() {
		withdrawCurrent(this.currentUser.require().id(), Instant.now(this.clock));
	}

	/** What /outcomes shows: empty when nothing is published. */
	@Transactional(readOnly = true)
	public Optional<PublicOutcomes> current() {
		return this.jdbc.sql("""
				select snapshot from reports.published_outcomes where withdrawn_at is null
				order by published_at desc limit 1""")
			.query(String.class)
			.optional()
			.map((snapshot) -> this.json.readValue(snapshot, PublicOutcomes.class));
	}

	private void withdrawCurrent(UUID user, Instant now) {
		int withdrawn = this.jdbc.sql("""
				update reports.published_outcomes set withdrawn_at = ?, withdrawn_by = ? where withdrawn_at is null""")
			.params(Timestamp.from(now), user)
			.update();
		if (withdrawn > 0) {
			this.audit.record(
					AuditEvent.of(AuditAction.UPDATE, "PublishedOutcomes", null).detail("withdrawn from /outcomes"));
		}
	}

}
