package org.kapclinic.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.fund.HouseholdPoverty;
import org.kapclinic.fund.PovertyPercent;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The sliding scale (issue 20): household size and income → percent of the HHS poverty
 * guidelines (the same table the access fund uses) → the clinic's discount tier, recorded
 * with the evidence seen and expiring after {@code kap.billing.sliding-scale-valid-days}.
 */
@Service
@Transactional
public class SlidingScales {

	/** {@code {"householdSize","annualIncomeMinor","evidence"}}. */
	public record Assessment(Integer householdSize, Long annualIncomeMinor, String evidence) {
	}

	private final JdbcClient jdbc;

	private final HouseholdPoverty poverty;

	private final BillingSettings settings;

	private final Patients patients;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	SlidingScales(JdbcClient jdbc, HouseholdPoverty poverty, BillingSettings settings, Patients patients,
			CurrentUser currentUser, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.poverty = poverty;
		this.settings = settings;
		this.patients = patients;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FRONT_DESK')")
	public SlidingScale assess(UUID patientId, Assessment request) {
		if (this.patients.names(List.of(patientId)).isEmpty()) {
			throw new NotFoundException("Patient", patientId);
		}
		List<FieldProblem> problems = new ArrayList<>();
		if (request.householdSize() == null || request.householdSize() < 1 || request.householdSize() > 20) {
			problems.add(new FieldProblem("householdSize", "the people in the household, 1–20"));
		}
		if (request.annualIncomeMinor() == null || request.annualIncomeMinor() < 0) {
			problems.add(new FieldProblem("annualIncomeMinor", "the household's yearly income in cents, 0 or more"));
		}
		if (request.evidence() == null || request.evidence().isBlank() || request.evidence().length() > 1000) {
			problems.add(new FieldProblem("evidence", "what was seen (e.g. \"2025 tax return\"), 1–1000 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		PovertyPercent percent = this.poverty.of(request.householdSize(), request.annualIncomeMinor());
		var tier = this.settings.tierFor(percent.percent());
		LocalDate today = this.clinicTime.today(this.clock);
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into billing.sliding_scale (id, patient_id, household_size, annual_income_minor, guideline_year,
				    guideline_region, poverty_percent, tier, discount_percent, evidence, assessed_on, expires_on,
				    assessed_at, assessed_by)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, request.householdSize(), request.annualIncomeMinor(), percent.year(),
					percent.region(), percent.percent(), tier.map(BillingSettings.Tier::name).orElse("Full fee"),
					tier.map(BillingSettings.Tier::discountPercent).orElse(0), request.evidence().strip(), today,
					today.plusDays(this.settings.slidingScaleValidDays()), Timestamp.from(Instant.now(this.clock)),
					this.currentUser.require().id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "SlidingScale", id.toString())
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail(percent.percent() + "% of the " + percent.year() + " poverty guideline"));
		return latest(patientId).orElseThrow();
	}

	/** The assessment in force on a day, if any (the latest not yet expired). */
	@Transactional(readOnly = true)
	public Optional<SlidingScale> inForce(UUID patientId, LocalDate day) {
		return latest(patientId).filter((s) -> !s.assessedOn().isAfter(day) && s.expiresOn().isAfter(day));
	}

	private Optional<SlidingScale> latest(UUID patientId) {
		return this.jdbc.sql("""
				select * from billing.sliding_scale where patient_id = ? order by assessed_at desc limit 1""")
			.param(patientId)
			.query((rs, n) -> new SlidingScale(rs.getObject("id", UUID.class), patientId, rs.getInt("household_size"),
					rs.getLong("annual_income_minor"), rs.getInt("guideline_year"), rs.getString("guideline_region"),
					rs.getInt("poverty_percent"), rs.getString("tier"), rs.getInt("discount_percent"),
					rs.getString("evidence"), rs.getObject("assessed_on", LocalDate.class),
					rs.getObject("expires_on", LocalDate.class)))
			.optional();
	}

}
