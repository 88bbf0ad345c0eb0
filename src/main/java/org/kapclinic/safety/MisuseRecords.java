package org.kapclinic.safety;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.safety.MisuseRecordRequests.PatientRequestRequest;
import org.kapclinic.safety.MisuseRecordRequests.PdmpCheckRequest;
import org.kapclinic.safety.MisuseRecordRequests.TakeHomeReportRequest;
import org.kapclinic.safety.MisuseRecordRequests.TakeHomeSupplyRequest;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nurses and prescribers record the facts behind the misuse signals (issue 19): a PDMP
 * check they did (the software does not call a PDMP), what the patient asked for against
 * the plan, and a take-home sublingual supply with what the patient later reported using
 * and returning. Rows are never deleted; a supply's report is written once.
 */
@Service
@Transactional
public class MisuseRecords {

	static final String RESOURCE = "MisuseSignal";

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	MisuseRecords(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	public UUID recordPdmpCheck(UUID patientId, PdmpCheckRequest request) {
		StaffMember user = requireRecorder(patientId);
		List<FieldProblem> problems = new ArrayList<>();
		pastDate(problems, "checkedOn", request.checkedOn());
		String state = (request.state() != null) ? request.state().strip().toUpperCase(Locale.ROOT) : "";
		if (!state.matches("[A-Z]{2}")) {
			problems.add(new FieldProblem("state", "the two-letter state whose PDMP was checked, e.g. OR"));
		}
		PdmpResult result = parse(PdmpResult.class, request.result());
		if (result == null) {
			problems.add(new FieldProblem("result", "one of " + List.of(PdmpResult.values())));
		}
		note(problems, request.note());
		fail(problems);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into safety.pdmp_check (id, patient_id, checked_on, state, result, note, recorded_at, recorded_by)
					values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, request.checkedOn(), state, result.name(), blankToNull(request.note()),
					Timestamp.from(Instant.now(this.clock)), user.id())
			.update();
		audit(patientId, id, "PDMP check " + state + " " + result.name());
		return id;
	}

	public UUID recordPatientRequest(UUID patientId, PatientRequestRequest request) {
		StaffMember user = requireRecorder(patientId);
		List<FieldProblem> problems = new ArrayList<>();
		PatientRequestKind kind = parse(PatientRequestKind.class, request.kind());
		if (kind == null) {
			problems.add(new FieldProblem("kind", "one of " + List.of(PatientRequestKind.values())));
		}
		pastDate(problems, "requestedOn", request.requestedOn());
		note(problems, request.note());
		fail(problems);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into safety.patient_request (id, patient_id, kind, requested_on, note, recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, kind.name(), request.requestedOn(), blankToNull(request.note()),
					Timestamp.from(Instant.now(this.clock)), user.id())
			.update();
		audit(patientId, id, "patient request " + kind.name());
		return id;
	}

	public UUID recordTakeHomeSupply(UUID patientId, TakeHomeSupplyRequest request) {
		StaffMember user = this.access.requireClinical(patientId);
		if (!user.has(Role.PRESCRIBER)) {
			throw new AccessDeniedException("A prescriber records a take-home supply");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String product = (request.product() != null) ? request.product().strip() : "";
		if (product.isEmpty() || product.length() > 120) {
			problems.add(new FieldProblem("product", "what was supplied, e.g. ketamine 100 mg troche (1–120)"));
		}
		String unit = (request.unit() != null) ? request.unit().strip() : "";
		if (unit.isEmpty() || unit.length() > 20) {
			problems.add(new FieldProblem("unit", "what the quantity counts, e.g. troches (1–20 characters)"));
		}
		if (request.quantityPrescribed() == null || request.quantityPrescribed().signum() <= 0) {
			problems.add(new FieldProblem("quantityPrescribed", "how many were prescribed, above 0"));
		}
		pastDate(problems, "prescribedOn", request.prescribedOn());
		fail(problems);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into safety.take_home_supply (id, patient_id, product, unit, quantity_prescribed, prescribed_on,
				    recorded_at, recorded_by)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, product, unit, request.quantityPrescribed(), request.prescribedOn(),
					Timestamp.from(Instant.now(this.clock)), user.id())
			.update();
		audit(patientId, id, "take-home supply " + request.quantityPrescribed() + " " + unit);
		return id;
	}

	/** What the patient reported using and returning; written once per supply. */
	public void reportTakeHomeUse(UUID patientId, UUID supplyId, TakeHomeReportRequest request) {
		StaffMember user = requireRecorder(patientId);
		LocalDate prescribedOn = this.jdbc
			.sql("select prescribed_on from safety.take_home_supply where id = ? and patient_id = ?")
			.params(supplyId, patientId)
			.query(LocalDate.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("TakeHomeSupply", supplyId));
		List<FieldProblem> problems = new ArrayList<>();
		if (request.quantityUsed() == null || request.quantityUsed().signum() < 0) {
			problems.add(new FieldProblem("quantityUsed", "how many the patient reports using, 0 or more"));
		}
		if (request.quantityReturned() != null && request.quantityReturned().signum() < 0) {
			problems.add(new FieldProblem("quantityReturned", "how many came back, 0 or more"));
		}
		pastDate(problems, "reportedOn", request.reportedOn());
		if (request.reportedOn() != null && request.reportedOn().isBefore(prescribedOn)) {
			problems.add(new FieldProblem("reportedOn", "not before the supply was prescribed (" + prescribedOn + ")"));
		}
		fail(problems);
		BigDecimal returned = (request.quantityReturned() != null) ? request.quantityReturned() : BigDecimal.ZERO;
		int updated = this.jdbc.sql("""
				update safety.take_home_supply set quantity_used = ?, quantity_returned = ?, reported_on = ?,
				    reported_by = ?
				where id = ? and reported_on is null""")
			.params(request.quantityUsed(), returned, request.reportedOn(), user.id(), supplyId)
			.update();
		if (updated == 0) {
			throw new ConflictException("This supply's use was already reported; record a new supply instead.",
					"TakeHomeSupply", supplyId);
		}
		audit(patientId, supplyId, "take-home use reported");
	}

	private StaffMember requireRecorder(UUID patientId) {
		StaffMember user = this.access.requireClinical(patientId);
		if (!(user.has(Role.NURSE) || user.has(Role.PRESCRIBER))) {
			throw new AccessDeniedException("Nurses and prescribers record misuse signals");
		}
		return user;
	}

	private void pastDate(List<FieldProblem> problems, String field, LocalDate date) {
		if (date == null || date.isAfter(this.clinicTime.today(this.clock))) {
			problems.add(new FieldProblem(field, "a date, not in the future"));
		}
	}

	private static void note(List<FieldProblem> problems, String note) {
		if (note != null && note.strip().length() > 1000) {
			problems.add(new FieldProblem("note", "at most 1000 characters"));
		}
	}

	private static void fail(List<FieldProblem> problems) {
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

	static <E extends Enum<E>> E parse(Class<E> type, String code) {
		for (E value : type.getEnumConstants()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private void audit(UUID patientId, UUID id, String detail) {
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id.toString())
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(detail));
	}

}
