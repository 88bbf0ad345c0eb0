package org.kapclinic.safety;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.kapclinic.scheduling.CourseChanged;
import org.kapclinic.scheduling.MaintenanceCourses;
import org.kapclinic.scheduling.MaintenanceCourses.FirstCourse;
import org.kapclinic.scheduling.MaintenanceCourses.MaintenanceCourse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read model behind the maintenance review worklist and the safety report (issue 19,
 * V99): per patient on maintenance, the first maintenance course's start and the last
 * review. A course started or changing status refreshes its patient in the same
 * transaction; a recorded review moves the patient's review date; a change in which
 * templates are marked maintenance rebuilds it on the next start (and on demand). Data
 * loaded without events (imports, the benchmark's seed) is picked up by a rebuild.
 */
@Service
@Transactional
public class MaintenanceDue {

	private static final Logger log = LoggerFactory.getLogger(MaintenanceDue.class);

	private final JdbcClient jdbc;

	private final MaintenanceCourses courses;

	MaintenanceDue(JdbcClient jdbc, MaintenanceCourses courses) {
		this.jdbc = jdbc;
		this.courses = courses;
	}

	/** One patient due by the horizon: the row as kept. */
	record Due(UUID patientId, String courseName, Instant reviewFrom) {
	}

	@EventListener
	void courseChanged(CourseChanged event) {
		refresh(event.patientId());
	}

	/** Recomputes one patient's row from their courses (and keeps their last review). */
	void refresh(UUID patientId) {
		List<MaintenanceCourse> maintenance = this.courses.of(patientId);
		if (maintenance.isEmpty()) {
			this.jdbc.sql("delete from safety.maintenance_due where patient_id = ?").param(patientId).update();
			return;
		}
		MaintenanceCourse first = maintenance.get(0);
		this.jdbc.sql("""
				insert into safety.maintenance_due (patient_id, course_name, first_started_at, last_review_at)
				values (?, ?, ?, (select max(reviewed_at) from safety.maintenance_review where patient_id = ?))
				on conflict (patient_id) do update set course_name = excluded.course_name,
				    first_started_at = excluded.first_started_at, last_review_at = excluded.last_review_at""")
			.params(patientId, first.name(), Timestamp.from(first.startedAt()), patientId)
			.update();
	}

	/** A review was recorded: the next is counted from it. */
	void reviewed(UUID patientId, Instant at) {
		this.jdbc.sql("""
				update safety.maintenance_due set last_review_at = greatest(coalesce(last_review_at, ?), ?)
				where patient_id = ?""").params(Timestamp.from(at), Timestamp.from(at), patientId).update();
	}

	/**
	 * Patients whose review counts from on or before {@code reviewFromBy} (of these
	 * patients; null: all), soonest first, at most {@code limit}: one index range scan.
	 */
	@Transactional(readOnly = true)
	List<Due> dueBy(Instant reviewFromBy, Collection<UUID> patientIds, int limit) {
		if (patientIds != null && patientIds.isEmpty()) {
			return List.of();
		}
		JdbcClient.StatementSpec query = this.jdbc
			.sql("select patient_id, course_name, review_from from safety.maintenance_due where review_from <= :by"
					+ ((patientIds != null) ? " and patient_id = any(:patients)" : "")
					+ " order by review_from limit :limit")
			.param("by", Timestamp.from(reviewFromBy))
			.param("limit", limit);
		if (patientIds != null) {
			query = query.param("patients", patientIds.toArray(UUID[]::new));
		}
		return query
			.query((rs, n) -> new Due(rs.getObject("patient_id", UUID.class), rs.getString("course_name"),
					rs.getTimestamp("review_from").toInstant()))
			.list();
	}

	/** How many patients are on maintenance, and how many count from before each date. */
	@Transactional(readOnly = true)
	int[] counts(Instant overdueBefore, Instant dueSoonBy) {
		return this.jdbc.sql("""
				select count(*), count(*) filter (where review_from < ?), count(*) filter (where review_from <= ?)
				from safety.maintenance_due""")
			.params(Timestamp.from(overdueBefore), Timestamp.from(dueSoonBy))
			.query((rs, n) -> new int[] { rs.getInt(1), rs.getInt(2), rs.getInt(3) })
			.single();
	}

	/**
	 * On start, after the runners (the demo clinic, shipped templates): rebuilt when the
	 * maintenance templates differ from those it was built for, or on the first start.
	 * Before traffic is accepted, so the worklist is never read half-built.
	 */
	@EventListener(ApplicationReadyEvent.class)
	public void rebuildIfStale() {
		String templates = String.join(",", this.courses.templateCodes());
		String built = this.jdbc.sql("select templates from safety.maintenance_due_built")
			.query(String.class)
			.optional()
			.orElse(null);
		if (!templates.equals(built)) {
			rebuild();
		}
	}

	/**
	 * Every patient's row again from the courses and reviews (an exclusive lock
	 * meanwhile).
	 */
	public void rebuild() {
		long started = System.nanoTime();
		this.jdbc.sql("lock table safety.maintenance_due in exclusive mode").update();
		this.jdbc.sql("delete from safety.maintenance_due").update();
		List<FirstCourse> first = this.courses.firstStartedBy(Instant.parse("9999-01-01T00:00:00Z"), null);
		for (int from = 0; from < first.size(); from += 1000) {
			List<FirstCourse> batch = first.subList(from, Math.min(first.size(), from + 1000));
			this.jdbc.sql("""
					insert into safety.maintenance_due (patient_id, course_name, first_started_at)
					select * from unnest(?::uuid[], ?::text[], ?::timestamptz[])""")
				.params(batch.stream().map(FirstCourse::patientId).toArray(UUID[]::new),
						batch.stream().map(FirstCourse::name).toArray(String[]::new),
						batch.stream().map((c) -> Timestamp.from(c.startedAt())).toArray(Timestamp[]::new))
				.update();
		}
		this.jdbc.sql("""
				update safety.maintenance_due d set last_review_at = r.reviewed_at
				from (select patient_id, max(reviewed_at) as reviewed_at from safety.maintenance_review
				      group by patient_id) r
				where r.patient_id = d.patient_id""").update();
		this.jdbc.sql("""
				insert into safety.maintenance_due_built (id, templates) values (true, ?)
				on conflict (id) do update set templates = excluded.templates""")
			.param(String.join(",", this.courses.templateCodes()))
			.update();
		log.info("Maintenance review read model rebuilt: {} patients in {} ms", first.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

}
