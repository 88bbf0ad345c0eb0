package org.kapclinic.intake;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.intake.Decision.Outcome;
import org.kapclinic.intake.IntakeView.IntakeStatus;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate later capabilities must ask before scheduling or dosing: is this patient
 * screened, decided eligible (decision unexpired, intake unchanged since) and consented
 * for the program? Scheduling and dosing call it and refuse without it; they never
 * re-implement these rules.
 */
@Service
public class Eligibility {

	private final IntakeService intakes;

	private final ScreeningService screenings;

	private final ConsentService consents;

	private final CareTeamAccess access;

	private final Patients patients;

	private final AuditTrail audit;

	private final Clock clock;

	Eligibility(IntakeService intakes, ScreeningService screenings, ConsentService consents, CareTeamAccess access,
			Patients patients, AuditTrail audit, Clock clock) {
		this.intakes = intakes;
		this.screenings = screenings;
		this.consents = consents;
		this.access = access;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public EligibilityStatus status(UUID patientId, Program program) {
		this.access.requireClinical(patientId);
		PatientSummary patient = this.patients.summary(patientId)
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		Optional<IntakeView> intake = this.intakes.current(patientId);
		List<String> missing = new ArrayList<>();
		if (intake.filter((i) -> i.status() == IntakeStatus.SUBMITTED).isEmpty()) {
			missing.add("INTAKE");
		}
		Optional<Decision> decision = this.screenings.latestDecision(patientId, program);
		String status;
		if (decision.isEmpty()) {
			status = "NOT_SCREENED";
			missing.add("SCREENING_DECISION");
		}
		else if (decision.get().expiresAt().isBefore(Instant.now(this.clock))
				|| decision.get().intakeRevision() != intake.map(IntakeView::revision).orElse(-1)) {
			status = "EXPIRED";
			missing.add("SCREENING_DECISION");
		}
		else {
			status = decision.get().decision().name();
			if (decision.get().decision() == Outcome.NOT_ELIGIBLE) {
				missing.add("ELIGIBILITY");
			}
		}
		List<String> consentMissing = this.consents.missingFor(patientId, program, patient.minor());
		missing.addAll(consentMissing);
		this.audit.record(AuditEvent.of(AuditAction.READ, "Eligibility", program)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(status + " missing=" + missing));
		return new EligibilityStatus(program, status, consentMissing.isEmpty(), List.copyOf(missing),
				decision.map(Decision::expiresAt).orElse(null));
	}

}
