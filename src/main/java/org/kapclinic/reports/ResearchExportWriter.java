package org.kapclinic.reports;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.kapclinic.dosing.CourseDosing;
import org.kapclinic.dosing.DosedSession;
import org.kapclinic.dosing.RecordedAdverseEvent;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.measures.CompleteScore;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.Demographics;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes one de-identified research export (issue 18) as a ZIP of CSV files: patients,
 * courses, sessions, measurements and adverse events of every patient with a dosed
 * course, with a data dictionary and a README on the method. Everything passes through
 * {@link SafeHarbor}: study ids instead of identities, days since the first dose instead
 * of dates, codes instead of free text. Patients are read 1,000 at a time from the
 * modules' public APIs, one file after another.
 */
@Component
class ResearchExportWriter {

	private static final int CHUNK = 1000;

	private final JdbcClient jdbc;

	private final Patients patients;

	private final RecordedDiagnoses diagnoses;

	private final CourseDosing dosing;

	private final Measures measures;

	private final ClinicTime clinicTime;

	ResearchExportWriter(JdbcClient jdbc, Patients patients, RecordedDiagnoses diagnoses, CourseDosing dosing,
			Measures measures, ClinicTime clinicTime) {
		this.jdbc = jdbc;
		this.patients = patients;
		this.diagnoses = diagnoses;
		this.dosing = dosing;
		this.measures = measures;
		this.clinicTime = clinicTime;
	}

	/** Writes the ZIP; returns the rows per file. */
	Map<String, Integer> write(OutputStream target, String purpose, Instant now) {
		Cohort cohort = cohort();
		Map<String, Integer> rows = new LinkedHashMap<>();
		try (ZipOutputStream zip = new ZipOutputStream(target, StandardCharsets.UTF_8)) {
			rows.put("patients.csv", file(zip, "patients.csv", (out) -> patients(out, cohort)));
			rows.put("courses.csv", file(zip, "courses.csv", (out) -> courses(out, cohort)));
			rows.put("sessions.csv", file(zip, "sessions.csv", (out) -> sessions(out, cohort)));
			rows.put("measurements.csv", file(zip, "measurements.csv", (out) -> measurements(out, cohort)));
			rows.put("adverse_events.csv", file(zip, "adverse_events.csv", (out) -> adverseEvents(out, cohort)));
			text(zip, "data_dictionary.csv", ResearchExportTexts.DICTIONARY);
			text(zip, "README.txt", ResearchExportTexts.readme(purpose, now, rows));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return rows;
	}

	/**
	 * The patients with a dosed course (the outcomes read model's course rows), each with
	 * their first dose and a new random study id, in study-id order (so no order of
	 * registration or record number shows through).
	 */
	private Cohort cohort() {
		Map<UUID, Instant> firstDose = new HashMap<>();
		this.jdbc.sql("""
				select patient_id, min(first_dose_at) as first_dose_at from reports.course_outcome
				where instrument = '*' group by patient_id""").query((java.sql.ResultSet rs) -> {
			firstDose.put(rs.getObject("patient_id", UUID.class), rs.getTimestamp("first_dose_at").toInstant());
		});
		Map<UUID, String> studyIds = new HashMap<>();
		java.util.Set<String> taken = new java.util.HashSet<>();
		for (UUID patient : firstDose.keySet()) {
			String id;
			do {
				id = SafeHarbor.studyId();
			}
			while (!taken.add(id));
			studyIds.put(patient, id);
		}
		List<UUID> order = new ArrayList<>(firstDose.keySet());
		order.sort(Comparator.comparing(studyIds::get));
		return new Cohort(order, firstDose, studyIds, new HashMap<>());
	}

	private void patients(Csv out, Cohort cohort) {
		for (List<UUID> chunk : cohort.chunks()) {
			Map<UUID, String> primary = this.diagnoses.primary(chunk);
			Map<UUID, Demographics> byId = new HashMap<>();
			this.patients.demographics(chunk).forEach((d) -> byId.put(d.patientId(), d));
			for (UUID patient : chunk) {
				Demographics d = byId.get(patient);
				Instant first = cohort.firstDose().get(patient);
				out.write(cohort.studyIds().get(patient),
						(d != null) ? SafeHarbor.age(d.birthDate(), this.clinicTime.date(first)) : "",
						(d != null && d.sexAtBirth() != null) ? d.sexAtBirth().name() : "",
						(d != null) ? SafeHarbor.state(d.region()) : "", this.clinicTime.date(first).getYear(),
						primary.getOrDefault(patient, ""));
			}
		}
	}

	/**
	 * One row per course, numbered per patient in order of first dose: from the outcomes
	 * read model's course rows, which already hold each course's dose span, sessions and
	 * safety counts (the sessions file reads the dosing record once).
	 */
	private void courses(Csv out, Cohort cohort) {
		for (List<UUID> chunk : cohort.chunks()) {
			Map<UUID, Integer> perPatient = new HashMap<>();
			this.jdbc.sql("""
					select patient_id, course_id, program, route, first_dose_at, last_dose_at, sessions, held_sessions,
					       alerts
					from reports.course_outcome where instrument = '*' and patient_id = any(?)
					order by first_dose_at, course_id""")
				.param(chunk.toArray(UUID[]::new))
				.query((java.sql.ResultSet rs) -> {
					UUID patient = rs.getObject("patient_id", UUID.class);
					int number = perPatient.merge(patient, 1, Integer::sum);
					cohort.courseNumbers().put(rs.getObject("course_id", UUID.class), number);
					Instant day0 = cohort.firstDose().get(patient);
					out.write(cohort.studyIds().get(patient), number, rs.getString("program"), rs.getString("route"),
							SafeHarbor.day(day0, rs.getTimestamp("first_dose_at").toInstant()),
							SafeHarbor.day(day0, rs.getTimestamp("last_dose_at").toInstant()), rs.getInt("sessions"),
							rs.getInt("held_sessions"), rs.getInt("alerts"));
				});
		}
	}

	private void sessions(Csv out, Cohort cohort) {
		for (List<UUID> chunk : cohort.chunks()) {
			for (DosedSession s : this.dosing.sessions(chunk)) {
				out.write(cohort.studyIds().get(s.patientId()), cohort.courseNumbers().get(s.courseId()),
						SafeHarbor.day(cohort.firstDose().get(s.patientId()), s.firstDoseAt()), s.program(),
						s.route().name(), s.doseMg(), s.doseMgPerKg(), s.held(), s.alerts());
			}
		}
	}

	private void measurements(Csv out, Cohort cohort) {
		for (List<UUID> chunk : cohort.chunks()) {
			for (CompleteScore score : this.measures.completeScores(chunk)) {
				out.write(cohort.studyIds().get(score.patientId()), score.instrument(),
						SafeHarbor.day(cohort.firstDose().get(score.patientId()), score.administeredAt()),
						score.total(), score.severity());
			}
		}
	}

	private void adverseEvents(Csv out, Cohort cohort) {
		for (List<UUID> chunk : cohort.chunks()) {
			for (RecordedAdverseEvent event : this.dosing.adverseEvents(chunk)) {
				out.write(cohort.studyIds().get(event.patientId()), cohort.courseNumbers().get(event.courseId()),
						SafeHarbor.day(cohort.firstDose().get(event.patientId()), event.at()), event.kind(),
						event.effect(), event.severity());
			}
		}
	}

	private static int file(ZipOutputStream zip, String name, Consumer<Csv> rows) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		Csv csv = new Csv(new NonClosing(zip), ResearchExportTexts.header(name));
		rows.accept(csv);
		zip.closeEntry();
		return csv.rows();
	}

	private static void text(ZipOutputStream zip, String name, String content) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	/**
	 * @param courseNumbers filled while the courses are written, read by the later files
	 */
	private record Cohort(List<UUID> order, Map<UUID, Instant> firstDose, Map<UUID, String> studyIds,
			Map<UUID, Integer> courseNumbers) {

		List<List<UUID>> chunks() {
			List<List<UUID>> chunks = new ArrayList<>();
			for (int i = 0; i < this.order.size(); i += CHUNK) {
				chunks.add(this.order.subList(i, Math.min(this.order.size(), i + CHUNK)));
			}
			return chunks;
		}

	}

	/** Lets a CSV write into a ZIP entry without a close ending the whole ZIP. */
	private static final class NonClosing extends java.io.FilterOutputStream {

		NonClosing(OutputStream out) {
			super(out);
		}

		@Override
		public void write(byte[] b, int off, int len) throws IOException {
			this.out.write(b, off, len);
		}

		@Override
		public void close() {
		}

	}

}
