package org.kapclinic.demo;

import org.kapclinic.billing.BillingImport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffImport;
import org.kapclinic.intake.IntakeImport;
import org.kapclinic.measures.MeasurementImport;
import org.kapclinic.measures.MeasurementImport.ImportedAnswers;
import org.kapclinic.measures.MeasurementImport.ImportedSchedule;
import org.kapclinic.patient.PatientImport;
import org.kapclinic.dosing.DosingImport;
import org.kapclinic.scheduling.SchedulingImport;
import org.kapclinic.patient.PatientImport.ImportedPatient;
import org.kapclinic.shared.ClinicTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Loads the synthetic demo clinic into an empty database, once. */
@Component
@ConditionalOnBooleanProperty("kap.demo.enabled")
@Order(10)
class DemoClinic implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoClinic.class);

	private static final int BATCH = 2000;

	private static final int SCHEDULED_PATIENTS = 40;

	/** Chairs for the demo's finished courses, each with four lanes a day. */
	private static final int HISTORY_CHAIRS = 2;

	private static final int HISTORY_LANES = HISTORY_CHAIRS * OutcomeTrajectories.LANES_PER_CHAIR;

	/** Members of the demo group integration circle. */
	private static final int CIRCLE_MEMBERS = 5;

	private final SchedulingImport scheduling;

	private final DosingImport dosing;

	private final StaffImport staff;

	private final PatientImport patients;

	private final MeasurementImport measurements;

	private final IntakeImport intakes;

	private final DemoSettings settings;

	private final BillingImport billing;

	private final ClinicTime clinicTime;

	private final Clock clock;

	DemoClinic(StaffImport staff, PatientImport patients, MeasurementImport measurements, SchedulingImport scheduling,
			DosingImport dosing, IntakeImport intakes, DemoSettings settings, ClinicTime clinicTime, Clock clock,
			BillingImport billing) {
		this.billing = billing;
		this.intakes = intakes;
		this.staff = staff;
		this.dosing = dosing;
		this.scheduling = scheduling;
		this.patients = patients;
		this.measurements = measurements;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		createStaff();
		if (this.patients.anyPatients()) {
			return;
		}
		long started = System.nanoTime();
		List<UUID> nurses = List.of(member("nurse.bell", "Nell Bellweather, RN (demo)", Role.NURSE),
				member("nurse.fern", "Fern Fiddlestick, RN (demo)", Role.NURSE));
		List<UUID> therapists = List.of(member("therapist.cove", "Theo Covington, LMFT (demo)", Role.THERAPIST),
				member("therapist.wren", "Wren Whistledown, PsyD (demo)", Role.THERAPIST));
		SyntheticPatients generator = new SyntheticPatients(this.settings.seed(), this.clinicTime.today(this.clock),
				Instant.now(this.clock));
		List<ImportedPatient> batch = new ArrayList<>(BATCH);
		List<ImportedAnswers> scores = new ArrayList<>();
		List<ImportedSchedule> schedules = new ArrayList<>();
		List<UUID> scheduled = new ArrayList<>();
		List<UUID> circle = new ArrayList<>();
		List<UUID> floor = new ArrayList<>();
		List<java.math.BigDecimal> floorWeights = new ArrayList<>();
		Instant now = Instant.now(this.clock);
		OutcomeTrajectories trajectories = new OutcomeTrajectories(this.settings.seed() + 1, now);
		List<History> histories = new ArrayList<>();
		for (int i = 0; i < this.settings.patients(); i++) {
			ImportedPatient patient = generator.next(nurses, therapists);
			batch.add(patient);
			if (scheduled.size() < SCHEDULED_PATIENTS) {
				scheduled.add(patient.id());
				joinCircle(circle, patient, therapists.get(0));
			}
			else if (floor.size() < this.settings.activeSessions() && patient.guardians().isEmpty()
					&& !patient.measurements().isEmpty()) {
				floor.add(patient.id());
				floorWeights.add(patient.measurements().get(patient.measurements().size() - 1).weightKg());
			}
			scores.addAll(scoresOf(generator, trajectories, patient, i, histories));
			// Every fourth patient has a weekly PHQ-9 + GAD-7 taken in clinic (no e-mail,
			// so the demo sends no mail): a mix of upcoming, due and overdue on the
			// worklist.
			if (i % 4 == 0) {
				schedules.add(new ImportedSchedule(patient.id(), List.of("PHQ-9", "GAD-7"), 7,
						now.minus(Duration.ofDays(i % 7)), false));
			}
			if (batch.size() == BATCH) {
				load(batch, scores, schedules);
			}
		}
		if (!batch.isEmpty()) {
			load(batch, scores, schedules);
		}
		UUID prescriber = member("dr.quill", "Dr. Quinn Quillfeather (demo)", Role.PRESCRIBER);
		demoHistory(histories, nurses.get(0), therapists.get(0), prescriber);
		// Two weeks of preparation and integration sessions, so the calendar has content.
		this.scheduling.demoWeeks(scheduled, therapists, this.clinicTime.today(this.clock).plusDays(1),
				this.clinicTime.timeZone());
		demoCircle(circle, therapists.get(0));
		// Sessions in progress on the treatment floor right now (the floor board).
		this.dosing.demoFloor(floor, floorWeights, nurses.get(0), prescriber);
		log.info("Demo clinic: {} synthetic patients loaded in {} ms", this.settings.patients(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * The patient's imported scores: a finished course's trajectory when they have one
	 * (added to {@code histories}), otherwise weekly PHQ-9s up to today.
	 */
	private List<ImportedAnswers> scoresOf(SyntheticPatients generator, OutcomeTrajectories trajectories,
			ImportedPatient patient, int i, List<History> histories) {
		OutcomeTrajectories.PastCourse past = pastCourse(trajectories, patient, i, histories.size());
		// Drawn for every patient, so the generator's sequence (and every later patient)
		// stays the same whether or not this one has a finished course.
		List<ImportedAnswers> weekly = generator.phq9Course(patient.id(), this.settings.phq9PerPatient());
		if (past == null) {
			return weekly;
		}
		histories.add(new History(patient.id(),
				patient.measurements().get(patient.measurements().size() - 1).weightKg(), past));
		return past.scores();
	}

	/**
	 * Three adults in four with a weight on file get a finished course, while the
	 * history's lanes have room (null otherwise). Adults only: a teenager's course a year
	 * ago could have begun before 13. A finished course lies in the past, so it never
	 * overlaps the calendar's weeks or the floor's sessions.
	 */
	private static OutcomeTrajectories.PastCourse pastCourse(OutcomeTrajectories trajectories, ImportedPatient patient,
			int i, int planned) {
		if (i % 4 == 3 || patient.measurements().isEmpty() || !patient.guardians().isEmpty()) {
			return null;
		}
		return trajectories.plan(patient.id(), planned % HISTORY_LANES, planned / HISTORY_LANES);
	}

	/**
	 * Finished courses with their dosing sessions and intake diagnoses, for the outcomes
	 * report ({@link OutcomeTrajectories}); in chairs of their own, one lane per chair
	 * and time of day.
	 */
	private void demoHistory(List<History> histories, UUID nurse, UUID therapist, UUID prescriber) {
		if (histories.isEmpty()) {
			return;
		}
		List<UUID> chairs = this.scheduling.demoChairs(HISTORY_CHAIRS, "History chair ");
		java.util.Map<UUID, List<String>> diagnoses = new java.util.LinkedHashMap<>();
		for (int k = 0; k < histories.size(); k++) {
			History history = histories.get(k);
			OutcomeTrajectories.PastCourse past = history.course();
			UUID chair = chairs.get((k % HISTORY_LANES) / OutcomeTrajectories.LANES_PER_CHAIR);
			SchedulingImport.PastCourse booked = this.scheduling.demoPastCourse(history.patientId(), past.template(),
					"KAP".equals(past.program()) ? therapist : null,
					"KAP".equals(past.program()) ? null : "Dr. Imaginary Outsider, LCSW (fictional)", past.sessions(),
					150, chair, nurse, past.discontinuedBecause(), past.integrationSessions());
			for (int s = 0; s < past.sessions().size(); s++) {
				this.dosing.demoPastSession(history.patientId(), booked.courseId(), booked.appointments().get(s), chair,
						past.protocol(), history.weightKg(), past.sessions().get(s), past.alerts().get(s),
						past.held().get(s), past.sideEffects().get(s), nurse, prescriber);
			}
			diagnoses.put(history.patientId(), List.of(past.diagnosis()));
		}
		this.intakes.importDiagnoses(diagnoses);
	}

	private record History(UUID patientId, java.math.BigDecimal weightKg, OutcomeTrajectories.PastCourse course) {
	}

	private void load(List<ImportedPatient> batch, List<ImportedAnswers> scores, List<ImportedSchedule> schedules) {
		this.patients.importBatch(batch, "demo generator");
		this.measurements.importBatch(scores);
		this.measurements.importSchedules(schedules);
		batch.clear();
		scores.clear();
		schedules.clear();
	}

	/**
	 * A practice and prices, so discharged sessions propose their charges (once: kept
	 * when a fee schedule exists).
	 */
	private void demoBilling() {
		this.staff.npi("dr.quill", "9000000023");
		this.billing.demoPractice(member("admin", "Ada Admin (demo)", Role.ADMIN),
				this.clinicTime.today(this.clock).minusYears(2));
	}

	private void createStaff() {
		member("admin", "Ada Admin (demo)", Role.ADMIN);
		member("dr.quill", "Dr. Quinn Quillfeather (demo)", Role.PRESCRIBER);
		member("desk.dale", "Dale Deskworth (demo)", Role.FRONT_DESK);
		member("billing.bright", "Bea Brightledger (demo)", Role.BILLING);
		member("fund.finch", "Fin Finchley (demo)", Role.FUND_COMMITTEE);
		demoBilling();
	}

	/** Adults on the facilitator's care teams meet in her circle. */
	private static void joinCircle(List<UUID> circle, ImportedPatient patient, UUID facilitator) {
		if (circle.size() < CIRCLE_MEMBERS && patient.guardians().isEmpty()
				&& patient.careTeam().contains(facilitator)) {
			circle.add(patient.id());
		}
	}

	/** A group integration circle two days ahead, after the day's sessions. */
	private void demoCircle(List<UUID> members, UUID facilitator) {
		if (!members.isEmpty()) {
			this.scheduling.demoCircle(members, facilitator,
					this.clinicTime.today(this.clock)
						.plusDays(2)
						.atTime(17, 30)
						.atZone(this.clinicTime.timeZone())
						.toInstant(),
					90);
		}
	}

	private UUID member(String username, String displayName, Role role) {
		return this.staff.ensure(username, displayName, DemoSettings.PASSWORD, EnumSet.of(role)).id();
	}

}
