package org.kapclinic.dosing;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

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
 * that transaction is committed to disk. A reading is stored only if its session is still
 * at the version the reading was decided on. Fifty chairs' monitors writing at once pay
 * one commit per batch instead of one each: this is what lets the vitals write meet its
 * budget on two cores (issue 6).
 */
@Component
class VitalsWriter implements DisposableBean {

	private static final int MAX_BATCH = 200;

	private final GroupCommit<Entry> commits;

	private final JdbcTemplate jdbc;

	private final AuditTrail audit;

	private final ApplicationEventPublisher events;

	/**
	 * {@code kap_vitals_writes_seconds}: from a reading's arrival to its durable commit.
	 */
	private final Timer writes;

	VitalsWriter(JdbcTemplate jdbc, AuditTrail audit, ApplicationEventPublisher events,
			PlatformTransactionManager transactions, MeterRegistry meters) {
		this.writes = Timer.builder("kap.vitals.writes")
			.description("Vital-sign readings written, from arrival to durable commit")
			.register(meters);
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.commits = new GroupCommit<>("vitals-writer", MAX_BATCH, transactions, this::store);
	}

	/**
	 * Stores the reading, its alerts and its audit row, and returns once they are
	 * committed: true, or false (nothing stored) if the session is no longer at the
	 * version the reading was decided on, or is being changed right now.
	 */
	boolean write(Entry entry) {
		long started = System.nanoTime();
		this.commits.submitAndWait(entry);
		this.writes.record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
		return entry.stored().get();
	}

	private void store(List<Entry> batch) {
		// A batch that failed is written again item by item: what it marked counts no
		// more.
		batch.forEach((e) -> e.stored().set(false));
		Map<UUID, Integer> versions = currentVersions(batch);
		List<Entry> entries = batch.stream()
			.filter((e) -> Integer.valueOf(e.sessionVersion()).equals(versions.get(e.sessionId())))
			.toList();
		if (entries.isEmpty()) {
			return;
		}
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
		this.jdbc.batchUpdate(MonitoringRows.INSERT_VITALS, vitals);
		if (!alerts.isEmpty()) {
			this.jdbc.batchUpdate(MonitoringRows.INSERT_ALERT, alerts);
		}
		this.audit.append(audits);
		// Delivered after the commit (the board's listener is transactional).
		sessions.forEach((id) -> this.events.publishEvent(new SessionChanged(id)));
		// Read by the callers after the commit (the future's completion orders it).
		entries.forEach((e) -> e.stored().set(true));
	}

	/**
	 * The batch's sessions' versions, share-locked until the commit so no change to a
	 * session can fall between this check and the readings it lets through. A session
	 * locked by a change in progress is left out (its readings go back to be decided on
	 * the changed row) instead of holding up every other chair's readings.
	 */
	private Map<UUID, Integer> currentVersions(List<Entry> batch) {
		UUID[] ids = batch.stream().map(Entry::sessionId).distinct().sorted().toArray(UUID[]::new);
		Map<UUID, Integer> versions = new HashMap<>();
		this.jdbc.query("select id, version from dosing.session where id = any(?) order by id for share skip locked",
				(ps) -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", ids)), (rs) -> {
					versions.put(rs.getObject("id", UUID.class), rs.getInt("version"));
				});
		return versions;
	}

	@Override
	public void destroy() throws InterruptedException {
		this.commits.close();
	}

	/**
	 * One reading with what it raised, ready to store, and the session version it was
	 * decided on.
	 */
	record Entry(UUID sessionId, int sessionVersion, Vitals vitals, List<Alert> alerts, AuditTrail.Prepared audit,
			AtomicBoolean stored) {

		Entry(UUID sessionId, int sessionVersion, Vitals vitals, List<Alert> alerts, AuditTrail.Prepared audit) {
			this(sessionId, sessionVersion, vitals, alerts, audit, new AtomicBoolean());
		}

	}

}
