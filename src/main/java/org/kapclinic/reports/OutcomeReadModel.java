package org.kapclinic.reports;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.dosing.CourseDosing;
import org.kapclinic.dosing.DosedCourse;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.measures.CompleteScore;
import org.kapclinic.measures.Measures;
import org.kapclinic.measures.Measures.OutcomeRulesInUse;
import org.kapclinic.measures.OutcomeJudgement;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.reports.CourseOutcome.Score;
import org.kapclinic.shared.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@code reports.course_outcome} (ADR 7) current: a patient's rows are derived
 * again, from the modules' public APIs, whenever one of their scores or doses is recorded
 * ({@link OutcomeUpdates}) and when the outcome rules change ({@link OutcomeRebuild}).
 * Deriving a whole patient again, rather than patching a row, keeps one rule for both and
 * makes a replayed event harmless.
 */
@Service
class OutcomeReadModel {

	/** The course itself: the cohort and its safety counts, whatever was measured. */
	static final String COURSE = "*";

	/** Changes whenever what a row holds, or how it is derived, changes. */
	static final String MODEL_VERSION = "5";

	private static final List<String> COLUMNS = columns();

	private final JdbcClient jdbc;

	private final CourseDosing dosing;

	private final Measures measures;

	private final Patients patients;

	private final RecordedDiagnoses diagnoses;

	private final ReportSettings settings;

	private final ClinicTime clinicTime;

	private final Clock clock;

	private final tools.jackson.databind.json.JsonMapper json;

	private final org.kapclinic.scheduling.CourseAttendance attendance;

	OutcomeReadModel(JdbcClient jdbc, CourseDosing dosing, Measures measures, Patients patients,
			RecordedDiagnoses diagnoses, ReportSettings settings, ClinicTime clinicTime, Clock clock,
			tools.jackson.databind.json.JsonMapper json, org.kapclinic.scheduling.CourseAttendance attendance) {
		this.json = json;
		this.attendance = attendance;
		this.jdbc = jdbc;
		this.dosing = dosing;
		this.measures = measures;
		this.patients = patients;
		this.diagnoses = diagnoses;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/** The rules and settings rows are derived under; stored with each row. */
	String rulesVersion() {
		OutcomeRulesInUse rules = this.measures.outcomeRules();
		return MODEL_VERSION + ";" + rules.version() + ";baseline=" + rules.baselineWindow() + ";tolerance="
				+ this.settings.followUpTolerance();
	}

	/** Derives every row of the patient again. */
	@Transactional
	void refresh(UUID patientId) {
		List<DosedCourse> courses = this.dosing.dosedCourses(patientId);
		Optional<PatientSummary> patient = this.patients.summary(patientId);
		if (courses.isEmpty() || patient.isEmpty()) {
			return;
		}
		String condition = this.diagnoses.primary(patientId).orElse(null);
		Map<UUID, Integer> integration = this.attendance.integrationSessions(patientId);
		Map<String, List<CompleteScore>> byInstrument = new LinkedHashMap<>();
		this.measures.completeScores(patientId)
			.forEach((score) -> byInstrument.computeIfAbsent(score.instrument(), (k) -> new ArrayList<>()).add(score));
		OutcomeRulesInUse rules = this.measures.outcomeRules();
		String version = rulesVersion();
		Instant now = Instant.now(this.clock);
		for (int i = 0; i < courses.size(); i++) {
			DosedCourse course = courses.get(i);
			// A later course's scores belong to it, not to this one's follow-up (the same
			// rule as the per-course summary).
			Instant nextCourse = (i + 1 < courses.size()) ? courses.get(i + 1).firstDoseAt() : null;
			RowBase base = new RowBase(patient.get(), course, condition, integration.getOrDefault(course.courseId(), 0),
					version, now);
			upsert(base, COURSE, null, null);
			for (Map.Entry<String, List<CompleteScore>> instrument : byInstrument.entrySet()) {
				List<Score> scores = instrument.getValue()
					.stream()
					.filter((s) -> s.total() != null)
					.filter((s) -> nextCourse == null || s.administeredAt().isBefore(nextCourse))
					.map((s) -> new Score(s.administeredAt(), s.total().doubleValue(), s.severity()))
					.toList();
				CourseOutcome outcome = CourseOutcome.of(scores, course.firstDoseAt(), course.lastDoseAt(),
						rules.baselineWindow(), this.settings.followUpTolerance());
				if (outcome.baseline() != null || !outcome.followUps().isEmpty()) {
					upsert(base, instrument.getKey(), outcome,
							WeeklyScores.of(outcome.baseline(), scores, course.firstDoseAt()));
				}
			}
		}
	}

	private void upsert(RowBase base, String instrument, CourseOutcome outcome, Double[] weekly) {
		DosedCourse course = base.course();
		List<Object> values = new ArrayList<>();
		values.add(course.courseId());
		values.add(instrument);
		values.add(base.patient().id());
		values.add(course.program());
		values.add(course.route().name());
		values.add(base.condition());
		values.add(AgeBand.at(base.patient().birthDate(), this.clinicTime.date(course.firstDoseAt())).code());
		values.add((base.patient().sexAtBirth() != null) ? base.patient().sexAtBirth().name() : null);
		values.add(Timestamp.from(course.firstDoseAt()));
		values.add(Timestamp.from(course.lastDoseAt()));
		values.add(course.sessions());
		values.add(course.mgPerKg());
		values.add(course.heldSessions());
		values.add(course.alerts());
		values.add(this.json.writeValueAsString(course.adverseEvents()));
		values.add(base.integrationSessions());
		values.add(course.unmonitoredSessions());
		Score baseline = (outcome != null) ? outcome.baseline() : null;
		values.add((baseline != null) ? BigDecimal.valueOf(baseline.total()) : null);
		values.add((baseline != null) ? Timestamp.from(baseline.at()) : null);
		values.add((baseline != null) ? baseline.band() : null);
		for (FollowUpWindow window : FollowUpWindow.values()) {
			Score followUp = (outcome != null) ? outcome.followUps().get(window) : null;
			OutcomeJudgement judged = (baseline != null && followUp != null) ? this.measures.judge(instrument,
					BigDecimal.valueOf(baseline.total()), BigDecimal.valueOf(followUp.total())) : OutcomeJudgement.NONE;
			values.add((followUp != null) ? BigDecimal.valueOf(followUp.total()) : null);
			values.add((followUp != null) ? Timestamp.from(followUp.at()) : null);
			values.add((followUp != null) ? followUp.band() : null);
			values.add(judged.response());
			values.add(judged.remission());
			values.add(judged.meaningfulChange());
		}
		values.add(weekly);
		values.add(base.version());
		values.add(Timestamp.from(base.now()));
		StringBuilder sql = new StringBuilder("insert into reports.course_outcome (").append(String.join(", ", COLUMNS))
			.append(") values (")
			.append(String.join(", ", COLUMNS.stream().map(OutcomeReadModel::placeholder).toList()))
			.append(") on conflict (course_id, instrument) do update set ");
		sql.append(
				String.join(", ", COLUMNS.stream().skip(2).map((column) -> column + " = excluded." + column).toList()));
		this.jdbc.sql(sql.toString()).params(values).update();
	}

	/** Records that every row has been derived under {@code version}. */
	@Transactional
	void rebuilt(String version) {
		this.jdbc
			.sql("""
					insert into reports.read_model (name, rules_version, rebuilt_at) values ('course_outcome', ?, ?)
					on conflict (name) do update set rules_version = excluded.rules_version, rebuilt_at = excluded.rebuilt_at""")
			.params(version, Timestamp.from(Instant.now(this.clock)))
			.update();
	}

	/** The version every row was last rebuilt under (empty: never). */
	Optional<String> rebuiltUnder() {
		return this.jdbc.sql("select rules_version from reports.read_model where name = 'course_outcome'")
			.query(String.class)
			.optional();
	}

	private static List<String> columns() {
		List<String> columns = new ArrayList<>(List.of("course_id", "instrument", "patient_id", "program", "route",
				"condition", "age_band", "sex_at_birth", "first_dose_at", "last_dose_at", "sessions", "mg_per_kg",
				"held_sessions", "alerts", "adverse_events", "integration_sessions", "unmonitored_sessions", "baseline",
				"baseline_at", "baseline_band"));
		for (FollowUpWindow window : FollowUpWindow.values()) {
			for (String suffix : List.of("total", "at", "band", "response", "remission", "meaningful")) {
				columns.add(window.column() + "_" + suffix);
			}
		}
		columns.add("weekly");
		columns.add("rules_version");
		columns.add("updated_at");
		return List.copyOf(columns);
	}

	private static String placeholder(String column) {
		return switch (column) {
			case "adverse_events" -> "?::jsonb";
			case "weekly" -> "?::float8[]";
			default -> "?";
		};
	}

	private record RowBase(PatientSummary patient, DosedCourse course, String condition, int integrationSessions,
			String version, Instant now) {
	}

}
