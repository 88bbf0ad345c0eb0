package org.kapclinic.dosing;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditTrail;
import org.kapclinic.shared.GroupCommit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Stores readings that change nothing but themselves: the reading, the alerts it raised
 * and its audit row, all in one transaction, shared with the readings other monitoring
 * clients sent at the same moment ({@link GroupCommit}). The caller gets its answer once
 * that transaction is committed to disk. Fifty chairs' monitors writing at once pay one
 * commit per batch instead of one each: this is what lets the vitals write meet its
 * budget on two cores (issue 6).
 */
@Component
class VitalsWriter implements DisposableBean {

	private static final int MAX_BATCH = 200;

	private final GroupCommit<Entry> commits;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	VitalsWriter(JdbcTemplate jdbc, AuditTrail audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.commits = new GroupCommit<>("vitals-writer", MAX_BATCH, transactions, this::store);
	}

	/** Returns once the reading, its alerts and its audit row are committed. */
	void write(Entry entry) {
		this.commits.submitAndWait(entry);
	}

	private void store(List<Entry> entries) {
		List<Object[]> vitals = new ArrayList<>(entries.size());
		List<Object[]> alerts = new ArrayList<>();
		List<AuditTrail.Prepared> audits = new ArrayList<>(entries.size());
		Set<UUID> sessions = new LinkedHashSet<>();
		for (Entry e : entries) {
			Vitals v = e.vitals();
			vitals.add(new Object[] { v.id(), e.sessionId(), v.preDose(), v.systolic(), v.diastolic(), v.heartRate(),
					v.spo2(), v.respiratoryRate(), Timestamp.from(v.at()), Timestamp.from(v.recordedAt()),
					v.recordedBy(), v.late() });
			for (Alert a : e.alerts()) {
				alerts.add(new Object[] { a.id(), e.sessionId(), a.code(), a.message(), Timestamp.from(a.at()),
						Timestamp.from(a.raisedAt()) });
			}
			audits.add(e.audit());
			sessions.add(e.sessionId());
		}
		this.jdbc.batchUpdate(SessionRows.INSERT_VITALS, vitals);
		if (!alerts.isEmpty()) {
			this.jdbc.batchUpdate(SessionRows.INSERT_ALERT, alerts);
		}
		this.audit.append(audits);
		// Delivered after the commit (the board's listener is transactional).
		sessions.forEach((id) -> this.events.publishEvent(new SessionChanged(id)));
	}

	@Override
	public void destroy() throws InterruptedException {
		this.commits.close();
	}

	/** One reading with what it raised, ready to store. */
	record Entry(UUID sessionId, Vitals vitals, List<Alert> alerts, AuditTrail.Prepared audit) {
	}

}
