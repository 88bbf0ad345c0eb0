package org.kapclinic.safety;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.measures.Measures;
import org.kapclinic.reports.ReportSettings;
import org.kapclinic.reports.SmallCells;
import org.kapclinic.safety.SafetyReportView.Line;
import org.kapclinic.scheduling.CourseAttendance;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's long-term safety report (issue 19), for prescribers and administrators:
 * patients on maintenance and their reviews (from the {@link MaintenanceDue} read model),
 * positive bladder screens, lab flags by kind and misuse signals by kind over the last
 * {@code days}; every count is of patients, small ones suppressed as in the outcomes
 * report ({@code kap.reports.min-cell}, 11: CMS's cell-size suppression policy).
 */
@Service
@Transactional(readOnly = true)
public class SafetyReport {

	/** The bladder checklist's flag (instruments/BLADDER-CHECKLIST.json). */
	static final String BLADDER_FLAG = "bladder-symptoms";

	private final JdbcClient jdbc;

	private final MaintenanceDue due;

	private final SafetySettings settings;

	private final ReportSettings reportSettings;

	private final Measures measures;

	private final CourseAttendance attendance;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	SafetyReport(JdbcClient jdbc, MaintenanceDue due, SafetySettings settings, ReportSettings reportSettings,
			Measures measures, CourseAttendance attendance, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.due = due;
		this.settings = settings;
		this.reportSettings = reportSettings;
		this.measures = measures;
		this.attendance = attendance;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'PRESCRIBER')")
	public SafetyReportView report(Integer days) {
		int period = (days != null) ? days : 90;
		if (period < 7 || period > 730) {
			throw InvalidInputException.of("days", "the period in days, 7 to 730");
		}
		Instant now = Instant.now(this.clock);
		Instant since = now.minus(period, ChronoUnit.DAYS);
		LocalDate sinceDay = this.clinicTime.date(since);
		int min = this.reportSettings.minCell();
		int[] reviews = this.due.counts(now.minus(this.settings.maintenanceReviewInterval()),
				now.plus(this.settings.maintenanceReviewNotice()).minus(this.settings.maintenanceReviewInterval()));
		List<Line> maintenance = List.of(line("ON_MAINTENANCE", "Patients on maintenance dosing", reviews[0], min),
				line("REVIEW_OVERDUE", "Maintenance review overdue", reviews[1], min),
				line("REVIEW_DUE_SOON", "Maintenance review overdue or due within "
						+ this.settings.maintenanceReviewNotice().toDays() + " days", reviews[2], min));
		Map<String, Integer> flags = labFlags(since);
		List<Line> screens = List.of(
				line("BLADDER_SYMPTOMS", "Bladder symptom checklist with a symptom",
						this.measures.patientsFlagged(BLADDER_FLAG, since), min),
				line(LabFlag.HAEMATURIA_REVIEW.name(), "Blood in the urine (dipstick)",
						flags.getOrDefault(LabFlag.HAEMATURIA_REVIEW.name(), 0), min));
		List<Line> labLines = List.of(
				line(LabFlag.PRESCRIBER_REVIEW.name(), "Liver test above the clinic's multiple of the upper limit",
						flags.getOrDefault(LabFlag.PRESCRIBER_REVIEW.name(), 0), min),
				line(LabFlag.HIGH.name(), LabFlag.HIGH.label(), flags.getOrDefault(LabFlag.HIGH.name(), 0), min),
				line(LabFlag.LOW.name(), LabFlag.LOW.label(), flags.getOrDefault(LabFlag.LOW.name(), 0), min));
		Map<MisuseSignalKind, Integer> signals = misuseSignals(since, sinceDay);
		List<Line> misuse = new ArrayList<>();
		signals.forEach((kind, count) -> misuse.add(line(kind.name(), kind.label(), count, min)));
		SafetyReportView view = new SafetyReportView(now, period, sinceDay, min, maintenance, screens, labLines,
				misuse);
		this.audit.record(AuditEvent.of(AuditAction.QUERY, "SafetyReport", null)
			.category(DataCategory.CLINICAL)
			.detail("long-term safety report, " + period + " days"));
		return view;
	}

	private static Line line(String code, String label, int patients, int min) {
		return new Line(code, label, SmallCells.of(patients, patients, min));
	}

	/** Patients with a standing result flagged each way, collected since then. */
	private Map<String, Integer> labFlags(Instant since) {
		Map<String, Integer> counts = new HashMap<>();
		this.jdbc.sql("""
				select flag, count(distinct patient_id) as patients
				from safety.lab_result, unnest(flags) as flag
				where voided_at is null and collected_at >= ? group by flag""")
			.param(Timestamp.from(since))
			.query((java.sql.ResultSet rs) -> {
				counts.put(rs.getString("flag"), rs.getInt("patients"));
			});
		return counts;
	}

	/**
	 * Patients with each misuse signal since then (as {@link MisuseSignals} finds them).
	 */
	private Map<MisuseSignalKind, Integer> misuseSignals(Instant since, LocalDate sinceDay) {
		Map<MisuseSignalKind, Integer> counts = new java.util.EnumMap<>(MisuseSignalKind.class);
		Map<String, Integer> requests = new HashMap<>();
		this.jdbc.sql("""
				select kind, count(distinct patient_id) as patients from safety.patient_request
				where requested_on >= ? group by kind""").param(sinceDay).query((java.sql.ResultSet rs) -> {
			requests.put(rs.getString("kind"), rs.getInt("patients"));
		});
		counts.put(MisuseSignalKind.EARLY_SESSION_REQUEST,
				requests.getOrDefault(PatientRequestKind.EARLY_SESSION.name(), 0));
		counts.put(MisuseSignalKind.DOSE_ESCALATION_REQUEST,
				requests.getOrDefault(PatientRequestKind.DOSE_ESCALATION.name(), 0));
		counts.put(MisuseSignalKind.MISSED_INTEGRATION, this.attendance.patientsMissingIntegrationWhileDosing(since));
		String[] screens = Arrays.stream(LabTest.values())
			.filter((t) -> t.panel() == LabTest.Panel.DRUG_SCREEN)
			.map(LabTest::loinc)
			.toArray(String[]::new);
		counts.put(MisuseSignalKind.POSITIVE_URINE_SCREEN, count("""
				select count(distinct patient_id) from safety.lab_result
				where voided_at is null and collected_at >= ? and code = any(?) and 'POSITIVE' = any(flags)""",
				Timestamp.from(since), screens));
		counts.put(MisuseSignalKind.PDMP_CONCERN,
				count("""
						select count(distinct patient_id) from safety.pdmp_check where checked_on >= ? and result = 'CONCERN'""",
						sinceDay));
		counts.put(MisuseSignalKind.TAKE_HOME_DISCREPANCY, count("""
				select count(distinct patient_id) from safety.take_home_supply
				where reported_on >= ? and quantity_prescribed <> quantity_used + coalesce(quantity_returned, 0)""",
				sinceDay));
		return counts;
	}

	private int count(String sql, Object... params) {
		return this.jdbc.sql(sql).params(params).query(Integer.class).single();
	}

}
