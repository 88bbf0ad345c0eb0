package org.kapclinic.safety;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Lab results recorded by nurses and prescribers (issue 19): each numeric result is
 * flagged against its laboratory's reference range, and one above the clinic's multiple
 * of the upper limit ({@link LabTest}, {@code kap.safety.lab-flag-multiple}) opens an
 * urgent task for the patient's prescriber in the same transaction; so does blood in the
 * urine. A positive urine drug screen opens a routine review task and is a misuse signal.
 * A wrong entry is voided with a reason, never deleted.
 */
@Service
@Transactional
public class LabResults {

	static final String RESOURCE = "LabResult";

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final CareTasks tasks;

	private final SafetySettings settings;

	private final Clock clock;

	LabResults(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit, CareTasks tasks, SafetySettings settings,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.tasks = tasks;
		this.settings = settings;
		this.clock = clock;
	}

	public LabResult record(UUID patientId, LabResultRequest request) {
		StaffMember user = requireRecorder(patientId);
		Instant now = Instant.now(this.clock);
		LabTest test = request.validated(now);
		LabResultValue qualitative = LabResultValue.parse(request.result());
		BigDecimal multiple = test.qualitative() ? null : this.settings.flagMultiple(test);
		List<LabFlag> flags = test.qualitative() ? LabFlag.of(test, qualitative)
				: LabFlag.of(request.value(), request.referenceLow(), request.referenceHigh(), multiple);
		UUID id = UUID.randomUUID();
		String unit = test.qualitative() ? null : request.unit().strip();
		this.jdbc.sql("""
				insert into safety.lab_result (id, patient_id, code, value, unit, reference_low, reference_high,
				    collected_at, recorded_at, recorded_by, flags, result)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, test.loinc(), test.qualitative() ? null : request.value(), unit,
					test.qualitative() ? null : request.referenceLow(),
					test.qualitative() ? null : request.referenceHigh(), Timestamp.from(request.collectedAt()),
					Timestamp.from(now), user.id(), flags.stream().map(Enum::name).toArray(String[]::new),
					(qualitative != null) ? qualitative.name() : null)
			.update();
		LabResult result = new LabResult(id, patientId, test.loinc(), test.label(),
				test.qualitative() ? null : request.value(), unit, test.qualitative() ? null : request.referenceLow(),
				test.qualitative() ? null : request.referenceHigh(), request.collectedAt(), flags,
				flags.stream().map(LabFlag::label).toList(), qualitative,
				(qualitative != null) ? qualitative.label() : null, null);
		openReviewTask(result, test, multiple, now);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id.toString())
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(test.loinc() + " " + flags));
		return result;
	}

	/**
	 * A wrong entry is voided with a reason: it leaves the trend and the signals, and
	 * stays in the database with who voided it and why.
	 */
	public LabResult voidResult(UUID patientId, UUID resultId, String reason) {
		StaffMember user = requireRecorder(patientId);
		if (reason == null || reason.isBlank() || reason.strip().length() > 500) {
			throw InvalidInputException.of("reason", "why the entry is wrong, in 1–500 characters");
		}
		int updated = this.jdbc.sql("""
				update safety.lab_result set voided_at = ?, voided_by = ?, void_reason = ?
				where id = ? and patient_id = ? and voided_at is null""")
			.params(Timestamp.from(Instant.now(this.clock)), user.id(), reason.strip(), resultId, patientId)
			.update();
		if (updated == 0) {
			throw new NotFoundException(RESOURCE, resultId);
		}
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, resultId.toString())
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("voided"));
		return rows(patientId, true).stream().filter((r) -> r.id().equals(resultId)).findFirst().orElseThrow();
	}

	/** The patient's standing results by test, oldest first within a test (a trend). */
	@Transactional(readOnly = true)
	public List<LabResult> list(UUID patientId) {
		this.access.requireClinical(patientId);
		List<LabResult> results = rows(patientId, false);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("lab results: " + results.size()));
		return results;
	}

	/** Standing results (and voided ones too, if asked), unchecked: callers check. */
	List<LabResult> rows(UUID patientId, boolean withVoided) {
		return this.jdbc
			.sql("select * from safety.lab_result where patient_id = ?" + (withVoided ? "" : " and voided_at is null")
					+ " order by code, collected_at")
			.param(patientId)
			.query((rs, n) -> {
				LabTest test = LabTest.ofLoinc(rs.getString("code")).orElseThrow();
				List<LabFlag> flags = Arrays.stream((String[]) rs.getArray("flags").getArray())
					.map(LabFlag::valueOf)
					.toList();
				LabResultValue qualitative = LabResultValue.parse(rs.getString("result"));
				BigDecimal value = rs.getBigDecimal("value");
				return new LabResult(rs.getObject("id", UUID.class), patientId, test.loinc(), test.label(),
						(value != null) ? value.stripTrailingZeros() : null, rs.getString("unit"),
						rs.getBigDecimal("reference_low"), rs.getBigDecimal("reference_high"),
						rs.getTimestamp("collected_at").toInstant(), flags, flags.stream().map(LabFlag::label).toList(),
						qualitative, (qualitative != null) ? qualitative.label() : null, rs.getString("void_reason"));
			})
			.list();
	}

	private StaffMember requireRecorder(UUID patientId) {
		StaffMember user = this.access.requireClinical(patientId);
		if (!(user.has(Role.NURSE) || user.has(Role.PRESCRIBER))) {
			throw new AccessDeniedException("Nurses and prescribers record lab results");
		}
		return user;
	}

	private void openReviewTask(LabResult result, LabTest test, BigDecimal multiple, Instant now) {
		String link = "/patients/" + result.patientId() + "/labs";
		if (result.flags().contains(LabFlag.PRESCRIBER_REVIEW)) {
			this.tasks.open(new NewTask(result.patientId(), TaskPriority.URGENT, "LAB_REVIEW",
					test.label() + " " + result.reading() + ": above " + plain(multiple) + " × the upper limit ("
							+ plain(result.referenceHigh()) + ")",
					"Review the result, the cumulative exposure and whether dosing should continue.", RESOURCE,
					result.id(), false, now.plus(Duration.ofDays(1)), Set.of(Role.PRESCRIBER), link, "Open the labs"));
		}
		else if (result.flags().contains(LabFlag.HAEMATURIA_REVIEW)) {
			this.tasks.open(new NewTask(result.patientId(), TaskPriority.URGENT, "LAB_REVIEW",
					"Blood in the urine (dipstick positive)",
					"Review bladder symptoms and the cumulative exposure; consider urine microscopy and culture, "
							+ "and whether dosing should continue.",
					RESOURCE, result.id(), false, now.plus(Duration.ofDays(1)), Set.of(Role.PRESCRIBER), link,
					"Open the labs"));
		}
		else if (test.panel() == LabTest.Panel.DRUG_SCREEN && result.flags().contains(LabFlag.POSITIVE)) {
			this.tasks.open(new NewTask(result.patientId(), TaskPriority.ROUTINE, "LAB_REVIEW",
					test.label() + ": positive",
					"Read it against the dosing record and the misuse signals; discuss it with the patient.", RESOURCE,
					result.id(), false, now.plus(Duration.ofDays(3)), Set.of(Role.PRESCRIBER), link, "Open the labs"));
		}
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
