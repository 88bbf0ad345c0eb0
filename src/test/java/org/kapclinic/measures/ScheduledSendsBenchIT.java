package org.kapclinic.measures;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kapclinic.IntegrationTest;
import org.kapclinic.patient.PatientImport;
import org.kapclinic.patient.PatientImport.ImportedPatient;
import org.kapclinic.patient.SexAtBirth;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Benchmark (bench/sends.sh; skipped in normal builds): 10,000 patients whose weekly
 * PHQ-9 has fallen due. The schedule runner issues a link per patient, records it and
 * queues its e-mail; the outbox delivers all of them to the in-process SMTP server. The
 * issue's budget is 60 s for the lot; the measured time is logged, never asserted.
 */
@EnabledIfSystemProperty(named = "kap.bench", matches = "true")
class ScheduledSendsBenchIT extends IntegrationTest {

	private static final Logger log = LoggerFactory.getLogger(ScheduledSendsBenchIT.class);

	private static final int PATIENTS = 10_000;

	@Autowired
	PatientImport imports;

	@Autowired
	ScheduleRunner runner;

	@Test
	void tenThousandDueMeasuresAreSentAsLinksAndDelivered() {
		String run = UUID.randomUUID().toString().substring(0, 8);
		List<ImportedPatient> batch = new ArrayList<>();
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < PATIENTS; i++) {
			UUID id = UUID.randomUUID();
			ids.add(id);
			batch.add(new ImportedPatient(id, "Bench", "Sendwick" + i, null, null, LocalDate.of(1980, 1, 1),
					SexAtBirth.FEMALE, null, "bench-" + run + "-" + i + "@example.test", null, null, null, null,
					List.of(), List.of(), List.of()));
			if (batch.size() == 1000) {
				this.imports.importBatch(batch, "bench");
				batch.clear();
			}
		}
		this.jdbc.sql("""
				insert into measures.schedule (id, patient_id, instruments, cadence, every_days, next_due_at, send_link,
				    created_at)
				select gen_random_uuid(), id, array['PHQ-9'], 'INTERVAL', 7, now() - interval '1 minute', true, now()
				from unnest(?::uuid[]) as p(id)""").param(ids.toArray(UUID[]::new)).update();

		long start = System.nanoTime();
		int sent = this.runner.runOnce();
		long queued = System.nanoTime();
		await().atMost(Duration.ofMinutes(5))
			.pollInterval(Duration.ofMillis(200))
			.until(() -> this.jdbc.sql("""
					select count(*) from notification.outbox_message where recipient like ? and status = 'SENT'""")
				.param("bench-" + run + "-%")
				.query(Long.class)
				.single() == PATIENTS);
		long delivered = System.nanoTime();
		log.info(
				"Scheduled sends: {} due measures -> links + queued mails in {} ms; all {} delivered over SMTP "
						+ "after {} ms in total",
				sent, Duration.ofNanos(queued - start).toMillis(), PATIENTS,
				Duration.ofNanos(delivered - start).toMillis());
		assertThat(sent).isGreaterThanOrEqualTo(PATIENTS);
		assertThat(this.jdbc.sql("""
				select count(*) from measures.due_measure d join measures.schedule s on s.id = d.schedule_id
				where s.patient_id = any(?) and d.self_report_id is not null""")
			.param(ids.toArray(UUID[]::new))
			.query(Long.class)
			.single()).isEqualTo(PATIENTS);
	}

}
