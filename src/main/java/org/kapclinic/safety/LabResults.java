package org.kapclinic.safety;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Liver tests recorded by nurses and prescribers (issue 19): each result is flagged
 * against its laboratory's reference range, and one above the clinic's multiple of the
 * upper limit ({@link LabTest}, {@code kap.safety.lab-flag-multiple}) opens an urgent
 * task for the patient's prescriber in the same transaction.
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
		StaffMember user = this.access.requireClinical(patientId);
		if (!(user.has(Role.NURSE) || user.has(Role.PRESCRIBER))) {
			throw new AccessDeniedException("Nurses and prescribers record lab results");
		}
		Instant now = Instant.now(this.clock);
		LabTest test = validate(request, now);
		BigDecimal multiple = this.settings.flagMultiple(test);
		List<LabFlag> flags = LabFlag.of(request.value(), request.referenceLow(), request.referenceHigh(), multiple);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into safety.lab_result (id, patient_id, code, value, unit, reference_low, reference_high,
				    collected_at, recorded_at, recorded_by, flags)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, test.loinc(), request.value(), request.unit().strip(), request.referenceLow(),
					request.referenceHigh(), Timestamp.from(request.collectedAt()), Timestamp.from(now), user.id(),
					flags.stream().map(Enum::name).toArray(String[]::new))
			.update();
		LabResult result = result(id, patientId, test, request, flags);
		if (flags.contains(LabFlag.PRESCRIBER_REVIEW)) {
			this.tasks.open(new NewTask(patientId, TaskPriority.URGENT, "LAB_REVIEW",
					test.label() + " " + plain(request.value()) + " " + request.unit().strip() + ": above "
							+ plain(multiple) + " × the upper limit (" + plain(request.referenceHigh()) + ")",
					"Review the result, the cumulative exposure and whether dosing should continue.", RESOURCE, id,
					false, now.plus(Duration.ofDays(1)), Set.of(Role.PRESCRIBER), "/patients/" + patientId + "/labs",
					"Open the labs"));
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id.toString())
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(test.loinc() + " " + flags));
		return result;
	}

	/** The patient's results by test, oldest first within a test (a trend). */
	@Transactional(readOnly = true)
	public List<LabResult> list(UUID patientId) {
		this.access.requireClinical(patientId);
		List<LabResult> results = this.jdbc
			.sql("""
					select * from safety.lab_result where patient_id = ? and voided_at is null order by code, collected_at""")
			.param(patientId)
			.query((rs, n) -> {
				LabTest test = LabTest.ofLoinc(rs.getString("code")).orElseThrow();
				List<LabFlag> flags = Arrays.stream((String[]) rs.getArray("flags").getArray())
					.map(LabFlag::valueOf)
					.toList();
				return new LabResult(rs.getObject("id", UUID.class), patientId, test.loinc(), test.label(),
						rs.getBigDecimal("value").stripTrailingZeros(), rs.getString("unit"),
						rs.getBigDecimal("reference_low"), rs.getBigDecimal("reference_high"),
						rs.getTimestamp("collected_at").toInstant(), flags,
						flags.stream().map(LabFlag::label).toList());
			})
			.list();
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("lab results: " + results.size()));
		return results;
	}

	private static LabResult result(UUID id, UUID patientId, LabTest test, LabResultRequest request,
			List<LabFlag> flags) {
		return new LabResult(id, patientId, test.loinc(), test.label(), request.value(), request.unit().strip(),
				request.referenceLow(), request.referenceHigh(), request.collectedAt(), flags,
				flags.stream().map(LabFlag::label).toList());
	}

	private static LabTest validate(LabResultRequest request, Instant now) {
		List<FieldProblem> problems = new ArrayList<>();
		LabTest test = LabTest.ofLoinc(request.code()).orElse(null);
		if (test == null) {
			problems.add(new FieldProblem("code", "a LOINC code of a recorded test: " + LabTest.loincCodes()));
		}
		if (request.value() == null || request.value().signum() < 0) {
			problems.add(new FieldProblem("value", "the result, a number of at least 0"));
		}
		if (request.unit() == null || request.unit().isBlank() || request.unit().strip().length() > 20) {
			problems.add(new FieldProblem("unit", "the unit on the report, e.g. U/L (1–20 characters)"));
		}
		if (request.referenceHigh() == null || request.referenceHigh().signum() <= 0) {
			problems.add(new FieldProblem("referenceHigh", "the laboratory's upper reference limit, above 0"));
		}
		else if (request.referenceLow() != null && request.referenceLow().compareTo(request.referenceHigh()) > 0) {
			problems.add(new FieldProblem("referenceLow", "must not be above referenceHigh"));
		}
		if (request.collectedAt() == null || request.collectedAt().isAfter(now.plus(Duration.ofMinutes(1)))) {
			problems.add(new FieldProblem("collectedAt", "when the sample was taken, not in the future"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return test;
	}

	private static String plain(BigDecimal value) {
		return value.stripTrailingZeros().toPlainString();
	}

}
