package org.kapclinic.safety;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.safety.MisuseFacts.PatientRequest;
import org.kapclinic.safety.MisuseFacts.PdmpCheck;
import org.kapclinic.safety.MisuseFacts.TakeHomeSupply;
import org.kapclinic.scheduling.CourseAttendance;
import org.kapclinic.shared.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's misuse and diversion signals for the prescriber (issue 19), over the last
 * {@code kap.safety.misuse-signal-window} (365 days): the requests staff recorded, PDMP
 * checks with a concern, positive urine drug screens, take-home supplies whose reported
 * use does not add up, and integration sessions missed while dosing went on. Read by
 * clinical staff only; never shown to the patient.
 */
@Service
@Transactional(readOnly = true)
public class MisuseSignals {

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final LabResults labs;

	private final CourseAttendance attendance;

	private final UserDirectory directory;

	private final SafetySettings settings;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	MisuseSignals(JdbcClient jdbc, CareTeamAccess access, LabResults labs, CourseAttendance attendance,
			UserDirectory directory, SafetySettings settings, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.labs = labs;
		this.attendance = attendance;
		this.directory = directory;
		this.settings = settings;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	public MisuseSummary of(UUID patientId) {
		this.access.requireClinical(patientId);
		MisuseSummary summary = unchecked(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, MisuseRecords.RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("misuse signals: " + summary.signals().size()));
		return summary;
	}

	/** The summary without the access check and audit (the maintenance review's). */
	MisuseSummary unchecked(UUID patientId) {
		Instant sinceInstant = Instant.now(this.clock).minus(this.settings.misuseSignalWindow());
		LocalDate since = this.clinicTime.date(sinceInstant);
		List<PdmpCheck> checks = pdmpChecks(patientId);
		List<PatientRequest> requests = requests(patientId);
		List<TakeHomeSupply> supplies = supplies(patientId);
		List<MisuseSignal> signals = new ArrayList<>();
		requests.stream()
			.filter((r) -> !r.requestedOn().isBefore(since))
			.forEach((r) -> signals.add(MisuseSignal.of(r.kind().signal(), r.requestedOn(), text(r.note()))));
		checks.stream()
			.filter((c) -> c.result() == PdmpResult.CONCERN && !c.checkedOn().isBefore(since))
			.forEach((c) -> signals.add(MisuseSignal.of(MisuseSignalKind.PDMP_CONCERN, c.checkedOn(),
					c.state() + " PDMP" + (c.note() != null ? ": " + c.note() : ""))));
		this.labs.rows(patientId, false)
			.stream()
			.filter((r) -> LabTest.ofLoinc(r.code()).map(LabTest::panel).orElse(null) == LabTest.Panel.DRUG_SCREEN)
			.filter((r) -> r.flags().contains(LabFlag.POSITIVE))
			.filter((r) -> !r.collectedAt().isBefore(sinceInstant))
			.forEach((r) -> signals.add(MisuseSignal.of(MisuseSignalKind.POSITIVE_URINE_SCREEN,
					this.clinicTime.date(r.collectedAt()), r.name())));
		supplies.stream()
			.filter((s) -> s.discrepant() && !s.reportedOn().isBefore(since))
			.forEach((s) -> signals
				.add(MisuseSignal.of(MisuseSignalKind.TAKE_HOME_DISCREPANCY, s.reportedOn(), discrepancy(s))));
		this.attendance.missedIntegrationWhileDosing(patientId, sinceInstant)
			.forEach((at) -> signals.add(MisuseSignal.of(MisuseSignalKind.MISSED_INTEGRATION, this.clinicTime.date(at),
					"No-show; a dosing session followed")));
		signals.sort(Comparator.comparing(MisuseSignal::on).reversed());
		Map<MisuseSignalKind, Integer> counts = new EnumMap<>(MisuseSignalKind.class);
		for (MisuseSignalKind kind : MisuseSignalKind.values()) {
			counts.put(kind, (int) signals.stream().filter((s) -> s.kind() == kind).count());
		}
		return new MisuseSummary(since, signals, counts, checks.isEmpty() ? null : checks.get(0), checks, requests,
				supplies);
	}

	private static String discrepancy(TakeHomeSupply supply) {
		BigDecimal gap = supply.unaccounted();
		String amount = gap.abs().stripTrailingZeros().toPlainString() + " " + supply.unit();
		return supply.product() + ": "
				+ ((gap.signum() > 0) ? amount + " not accounted for" : amount + " more reported used than prescribed");
	}

	private static String text(String note) {
		return (note != null) ? note : "";
	}

	private List<PdmpCheck> pdmpChecks(UUID patientId) {
		List<PdmpCheck> rows = this.jdbc
			.sql("select * from safety.pdmp_check where patient_id = ? order by checked_on desc, recorded_at desc")
			.param(patientId)
			.query((rs, n) -> {
				PdmpResult result = PdmpResult.valueOf(rs.getString("result"));
				return new PdmpCheck(rs.getObject("id", UUID.class), rs.getObject("checked_on", LocalDate.class),
						rs.getString("state"), result, result.label(), rs.getString("note"),
						rs.getTimestamp("recorded_at").toInstant(), rs.getObject("recorded_by", UUID.class), null);
			})
			.list();
		Map<UUID, StaffMember> staff = this.directory.findAll(rows.stream().map(PdmpCheck::recordedBy).toList());
		return rows.stream()
			.map((c) -> new PdmpCheck(c.id(), c.checkedOn(), c.state(), c.result(), c.resultLabel(), c.note(),
					c.recordedAt(), c.recordedBy(), name(staff, c.recordedBy())))
			.toList();
	}

	private List<PatientRequest> requests(UUID patientId) {
		List<PatientRequest> rows = this.jdbc.sql(
				"select * from safety.patient_request where patient_id = ? order by requested_on desc, recorded_at desc")
			.param(patientId)
			.query((rs, n) -> {
				PatientRequestKind kind = PatientRequestKind.valueOf(rs.getString("kind"));
				return new PatientRequest(rs.getObject("id", UUID.class), kind, kind.label(),
						rs.getObject("requested_on", LocalDate.class), rs.getString("note"),
						rs.getTimestamp("recorded_at").toInstant(), rs.getObject("recorded_by", UUID.class), null);
			})
			.list();
		Map<UUID, StaffMember> staff = this.directory.findAll(rows.stream().map(PatientRequest::recordedBy).toList());
		return rows.stream()
			.map((r) -> new PatientRequest(r.id(), r.kind(), r.kindLabel(), r.requestedOn(), r.note(), r.recordedAt(),
					r.recordedBy(), name(staff, r.recordedBy())))
			.toList();
	}

	private List<TakeHomeSupply> supplies(UUID patientId) {
		return this.jdbc.sql(
				"select * from safety.take_home_supply where patient_id = ? order by prescribed_on desc, recorded_at desc")
			.param(patientId)
			.query((rs, n) -> {
				BigDecimal prescribed = rs.getBigDecimal("quantity_prescribed").stripTrailingZeros();
				BigDecimal used = rs.getBigDecimal("quantity_used");
				BigDecimal returned = rs.getBigDecimal("quantity_returned");
				BigDecimal unaccounted = (used != null)
						? prescribed.subtract(used).subtract((returned != null) ? returned : BigDecimal.ZERO) : null;
				return new TakeHomeSupply(rs.getObject("id", UUID.class), rs.getString("product"), rs.getString("unit"),
						prescribed, rs.getObject("prescribed_on", LocalDate.class),
						(used != null) ? used.stripTrailingZeros() : null,
						(returned != null) ? returned.stripTrailingZeros() : null,
						rs.getObject("reported_on", LocalDate.class),
						(unaccounted != null) ? unaccounted.stripTrailingZeros() : null);
			})
			.list();
	}

	private static String name(Map<UUID, StaffMember> staff, UUID id) {
		return (staff.get(id) != null) ? staff.get(id).displayName() : null;
	}

}
