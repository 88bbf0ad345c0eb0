package org.kapclinic.fund;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.fund.FundApplicationRequests.ApplicationRequest;
import org.kapclinic.fund.FundApplicationRequests.DecisionRequest;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.CoursePrograms;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applications to the access fund and the committee's decisions (issue 20). Staff outside
 * the clinical team apply for a patient (front desk, billing, the committee,
 * administrators): clinicians never see who is sponsored. The household's income is
 * turned into a percent of the HHS poverty guidelines; a decision is made once, and an
 * award spends its restriction's money in the same transaction (409 INSUFFICIENT_FUNDS
 * when it does not cover it, nothing decided). An award is an amount, or a number of
 * sessions of one of the patient's courses up to an amount.
 */
@Service
@Transactional
public class FundApplications {

	private static final String RESOURCE = "FundApplication";

	private final JdbcClient jdbc;

	private final AwardWriter writer;

	private final PovertyGuidelines guidelines;

	private final FundSettings settings;

	private final Patients patients;

	private final CoursePrograms programs;

	private final RecordedDiagnoses diagnoses;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	FundApplications(JdbcClient jdbc, AwardWriter writer, PovertyGuidelines guidelines, FundSettings settings,
			Patients patients, CoursePrograms programs, RecordedDiagnoses diagnoses, CurrentUser currentUser,
			AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.writer = writer;
		this.guidelines = guidelines;
		this.settings = settings;
		this.patients = patients;
		this.programs = programs;
		this.diagnoses = diagnoses;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'BILLING', 'FUND_COMMITTEE')")
	public FundApplication apply(ApplicationRequest request) {
		StaffMember user = this.currentUser.require();
		validate(request);
		Instant now = Instant.now(this.clock);
		PovertyPercent percent = this.guidelines.percent(request.householdSize(), request.annualIncomeMinor(),
				this.settings.povertyRegion(), this.clinicTime.today(this.clock).getYear());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into fund.application (id, patient_id, household_size, annual_income_minor, currency,
				    need_statement, guideline_year, guideline_region, guideline_minor, poverty_percent, status,
				    submitted_at, submitted_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)""")
			.params(id, request.patientId(), request.householdSize(), request.annualIncomeMinor(),
					this.settings.currency(), request.needStatement().strip(), percent.year(), percent.region(),
					percent.guidelineMinor(), percent.percent(), Timestamp.from(now), user.id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id.toString())
			.patient(request.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("fund application, " + percent.percent() + "% of the " + percent.year() + " guideline"));
		return find(id);
	}

	/**
	 * Decides once: AWARDED (an amount, or a number of sessions of one course up to an
	 * amount) or DECLINED. Read and checked here, stored by {@link AwardWriter} with the
	 * decisions made at the same moment; this returns once it is committed.
	 */
	@PreAuthorize("hasAnyRole('ADMIN', 'FUND_COMMITTEE')")
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	public FundApplication decide(UUID applicationId, DecisionRequest request) {
		StaffMember user = this.currentUser.require();
		FundApplication application = find(applicationId);
		boolean award = "AWARDED".equals(request.decision());
		boolean ofSessions = request.sessions() != null || request.courseId() != null;
		Restriction restriction = FundDecisionChecks.validate(request, award,
				!ofSessions ? List.of() : this.programs.courses(List.of(application.patientId()))
					.getOrDefault(application.patientId(), List.of()));
		if (application.status() != ApplicationStatus.PENDING) {
			throw new ConflictException("This application was already decided.", RESOURCE, applicationId);
		}
		if (award && !restriction.equals(Restriction.UNRESTRICTED) && !restriction
			.fits(this.programs.of(application.patientId()), this.diagnoses.all(application.patientId()))) {
			throw new RuleViolationException("The " + restriction.label()
					+ " fund may not pay for this patient's care; award from the unrestricted fund or another "
					+ "restriction.", List.of("RESTRICTION_DOES_NOT_FIT"));
		}
		AwardWriter.Award spend = award ? new AwardWriter.Award(request.amountMinor(), restriction,
				this.settings.currency(), request.sessions(), request.courseId()) : null;
		this.writer.write(
				new AwardWriter.Decision(applicationId, request.decision(), user.id(), request.reason().strip(), spend,
						Instant.now(this.clock),
						this.audit.prepare(
								AuditEvent.of(AuditAction.UPDATE, RESOURCE, applicationId.toString())
									.patient(application.patientId())
									.category(DataCategory.ADMINISTRATION)
									.detail("fund decision " + request.decision() + (award
											? " " + request.amountMinor() + " " + restriction.code()
													+ ((request.sessions() != null) ? " for " + request.sessions()
															+ " sessions of course " + request.courseId() : "")
											: "")))));
		return FundApplicationRows.decided(application, ApplicationStatus.valueOf(request.decision()), spend,
				request.reason().strip());
	}

	/** Applications by status (null: all), oldest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'FUND_COMMITTEE')")
	public List<FundApplication> list(String status) {
		return named(this.jdbc
			.sql("select * from fund.application" + ((status != null) ? " where status = ?" : "")
					+ " order by submitted_at")
			.params((status != null) ? List.of(status) : List.of())
			.query((rs, n) -> FundApplicationRows.of(rs, this.settings.currency()))
			.list());
	}

	/**
	 * The latest decisions, newest first: the committee's page shows these, not every one
	 * ever made.
	 */
	@Transactional(readOnly = true)
	@PreAuthorize("hasAnyRole('ADMIN', 'FUND_COMMITTEE')")
	public List<FundApplication> recentlyDecided(int limit) {
		return named(this.jdbc
			.sql("select * from fund.application where status <> 'PENDING' order by decided_at desc limit ?")
			.param(limit)
			.query((rs, n) -> FundApplicationRows.of(rs, this.settings.currency()))
			.list());
	}

	/** With the patients' names, audited as one query of these patients. */
	private List<FundApplication> named(List<FundApplication> rows) {
		Map<UUID, Patients.PatientName> names = this.patients
			.names(rows.stream().map(FundApplication::patientId).toList());
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.patients(rows.stream().map(FundApplication::patientId).toList())
			.category(DataCategory.ADMINISTRATION)
			.detail("fund applications: " + rows.size()));
		return rows.stream().map((a) -> FundApplicationRows.named(a, names.get(a.patientId()))).toList();
	}

	private FundApplication find(UUID id) {
		FundApplication application = this.jdbc.sql("select * from fund.application where id = ?")
			.param(id)
			.query((rs, n) -> FundApplicationRows.of(rs, this.settings.currency()))
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, id));
		return FundApplicationRows.named(application,
				this.patients.names(List.of(application.patientId())).get(application.patientId()));
	}

	private void validate(ApplicationRequest request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.patientId() == null || this.patients.names(List.of(request.patientId())).isEmpty()) {
			problems.add(new FieldProblem("patientId", "a registered patient"));
		}
		if (request.householdSize() == null || request.householdSize() < 1 || request.householdSize() > 20) {
			problems.add(new FieldProblem("householdSize", "the people in the household, 1–20"));
		}
		if (request.annualIncomeMinor() == null || request.annualIncomeMinor() < 0) {
			problems.add(new FieldProblem("annualIncomeMinor", "the household's yearly income in cents, 0 or more"));
		}
		if (request.currency() != null && !request.currency().equals(this.settings.currency())) {
			problems.add(new FieldProblem("currency", "the fund keeps " + this.settings.currency() + " only"));
		}
		if (request.needStatement() == null || request.needStatement().isBlank()
				|| request.needStatement().strip().length() > 4000) {
			problems.add(new FieldProblem("needStatement", "in the applicant's words, 1–4000 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
	}

}
