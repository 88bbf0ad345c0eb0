package org.kapclinic.dosing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cumulative exposure (issue 19): what the chart and {@code GET
 * /api/v1/patients/{id}/exposure} show, and the order-time rule that a caution is
 * acknowledged with a reason before a dose is ordered.
 */
@Service
@Transactional(readOnly = true)
public class Exposures {

	private final GivenDoseRows doses;

	private final ExposureSettings settings;

	private final ClinicTime clinicTime;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final java.time.Clock clock;

	Exposures(GivenDoseRows doses, ExposureSettings settings, ClinicTime clinicTime, CareTeamAccess access,
			AuditTrail audit, java.time.Clock clock) {
		this.clock = clock;
		this.doses = doses;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.access = access;
		this.audit = audit;
	}

	/** The patient's exposure today, for a clinical reader (checked and audited). */
	public PatientExposure of(UUID patientId) {
		this.access.requireClinical(patientId);
		PatientExposure exposure = unchecked(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, SessionGuard.RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("cumulative exposure"));
		return exposure;
	}

	PatientExposure unchecked(UUID patientId) {
		return PatientExposure.of(patientId, this.doses.of(patientId), this.clinicTime.today(this.clock),
				this.settings);
	}

	/**
	 * For the session page's order card: the exposure the order would bring, counting the
	 * session at the protocol's proposed dose when nothing has been given in it yet.
	 */
	PatientExposure withProposedDose(DosingSession session, Protocol protocol) {
		List<SessionReads.GivenDose> doses = new ArrayList<>(this.doses.of(session.patientId()));
		LocalDate today = this.clinicTime.today(this.clock);
		if (session.firstDoseAt() == null && protocol.defaultDose() != null) {
			boolean perKg = protocol.doseUnit() == DoseUnit.MG_PER_KG;
			java.math.BigDecimal mg = perKg ? protocol.defaultDose().multiply(session.weightKg())
					: protocol.defaultDose();
			java.math.BigDecimal mgPerKg = perKg ? protocol.defaultDose()
					: mg.divide(session.weightKg(), 3, java.math.RoundingMode.HALF_UP);
			doses.add(new SessionReads.GivenDose(session.id(), today, protocol.code(), protocol.route(), mg, mgPerKg));
		}
		return PatientExposure.of(session.patientId(), doses, today, this.settings);
	}

	/**
	 * At order time, counting the dose being ordered: with cautions open, the order needs
	 * a written acknowledgement (422 EXPOSURE_CAUTION otherwise). Returns what is stored
	 * with the order: the cautions and the reason, or null when there were none.
	 */
	String acknowledged(SessionGuard.Step step, DoseCalculator.ComputedDose dose,
			DosingRequests.Override acknowledgement) {
		UUID patientId = step.session().patientId();
		LocalDate today = this.clinicTime.today(this.clock);
		List<SessionReads.GivenDose> doses = new ArrayList<>(this.doses.of(patientId));
		doses.add(new SessionReads.GivenDose(step.session().id(), today, step.protocol().code(),
				step.protocol().route(), dose.doseMg(), dose.doseMgPerKg()));
		PatientExposure exposure = PatientExposure.of(patientId, doses, today, this.settings);
		if (exposure.cautions().isEmpty()) {
			return null;
		}
		String cautions = exposure.cautions()
			.stream()
			.map(PatientExposure.Caution::message)
			.collect(Collectors.joining("; "));
		if (acknowledgement == null || acknowledgement.reason() == null || acknowledgement.reason().isBlank()) {
			throw new RuleViolationException("Cumulative exposure with this order: " + cautions
					+ ". Review it, then order again with a reason for going on despite it (on the page: the order's "
					+ "cumulative-exposure reason; in the API: exposureAcknowledgement.reason).",
					List.of("EXPOSURE_CAUTION"));
		}
		return "with this order " + cautions + " — acknowledged: "
				+ SessionGuard.text(acknowledgement.reason(), "exposureAcknowledgement.reason", 1000, false);
	}

}
