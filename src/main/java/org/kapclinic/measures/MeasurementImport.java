package org.kapclinic.measures;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk loading of scored administrations without a signed-in user, for the synthetic demo
 * clinic and benchmarks. Answers go through the same {@link Scorer} as live entries; risk
 * flags are not raised for imported history. Not reachable from any web endpoint.
 */
@Service
@NamedInterface("demo")
public class MeasurementImport {

	private final JdbcTemplate jdbc;

	private final JsonMapper json;

	private final InstrumentLibrary library;

	MeasurementImport(JdbcTemplate jdbc, JsonMapper json, InstrumentLibrary library) {
		this.jdbc = jdbc;
		this.json = json;
		this.library = library;
	}

	@Transactional
	public void importBatch(List<ImportedAnswers> batch) {
		List<Object[]> rows = new ArrayList<>(batch.size());
		Timestamp now = Timestamp.from(Instant.now());
		for (ImportedAnswers imported : batch) {
			Instrument instrument = this.library.find(imported.instrument()).orElseThrow();
			Score score = Scorer.score(instrument, imported.answers(), Instrument.Flag::atLeast, null);
			rows.add(new Object[] { UUID.randomUUID(), imported.patientId(), instrument.code(), instrument.version(),
					this.json.writeValueAsString(imported.answers()), score.total(), score.severity(),
					this.json.writeValueAsString(score.subscales()), score.flags().toArray(String[]::new),
					score.complete(), Timestamp.from(imported.administeredAt()), now });
		}
		this.jdbc.batchUpdate(
				"""
						insert into measures.measurement (id, patient_id, instrument, instrument_version, answers, total, severity,
						    subscales, flags, complete, administered_at, recorded_at)
						values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?)""",
				rows);
	}

	/**
	 * Interval schedules in bulk; the schedule runner creates their occurrences on its
	 * next pass.
	 */
	@Transactional
	public void importSchedules(List<ImportedSchedule> schedules) {
		Timestamp now = Timestamp.from(Instant.now());
		this.jdbc.batchUpdate("""
				insert into measures.schedule (id, patient_id, instruments, cadence, every_days, next_due_at, send_link,
				    created_at)
				values (?, ?, ?, 'INTERVAL', ?, ?, ?, ?)""",
				schedules.stream()
					.map((schedule) -> new Object[] { UUID.randomUUID(), schedule.patientId(),
							schedule.instruments().toArray(String[]::new), schedule.everyDays(),
							Timestamp.from(schedule.nextDueAt()), schedule.sendLink(), now })
					.toList());
	}

	/** An interval schedule to import. */
	public record ImportedSchedule(UUID patientId, List<String> instruments, int everyDays, Instant nextDueAt,
			boolean sendLink) {
	}

	/** Answers of one historical administration. */
	public record ImportedAnswers(UUID patientId, String instrument, List<Integer> answers, Instant administeredAt) {
	}

}
