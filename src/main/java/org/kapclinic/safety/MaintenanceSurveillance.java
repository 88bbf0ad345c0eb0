package org.kapclinic.safety;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.measures.Measures;
import org.kapclinic.scheduling.CourseChanged;
import org.kapclinic.scheduling.MaintenanceCourses;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Surveillance starts with maintenance (issue 19): when a patient's maintenance course is
 * started, the bladder symptom checklist is scheduled every
 * {@code kap.safety.bladder-checklist-every-days} through the measure schedules (unless
 * one already asks for it), and without liver tests in the last
 * {@code kap.safety.liver-tests-every-days} a task asks for the baseline. In the course's
 * own transaction, as the user who started it.
 */
@Service
@Transactional
public class MaintenanceSurveillance {

	private final MaintenanceCourses courses;

	private final Measures measures;

	private final LabResults labs;

	private final CareTasks tasks;

	private final SafetySettings settings;

	private final Clock clock;

	MaintenanceSurveillance(MaintenanceCourses courses, Measures measures, LabResults labs, CareTasks tasks,
			SafetySettings settings, Clock clock) {
		this.courses = courses;
		this.measures = measures;
		this.labs = labs;
		this.tasks = tasks;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener
	void courseChanged(CourseChanged event) {
		boolean maintenance = this.courses.of(event.patientId())
			.stream()
			.anyMatch((course) -> course.courseId().equals(event.courseId()));
		if (!maintenance || this.measures.scheduled(event.patientId(), MaintenancePages.BLADDER_CHECKLIST)) {
			return;
		}
		this.measures.scheduleEvery(event.patientId(), MaintenancePages.BLADDER_CHECKLIST,
				this.settings.bladderChecklistEveryDays());
		Instant now = Instant.now(this.clock);
		if (lastLiverTest(event.patientId()).filter((at) -> at.isAfter(now.minus(interval()))).isEmpty()) {
			this.tasks.open(new NewTask(event.patientId(), TaskPriority.ROUTINE, "LAB_DUE",
					"Baseline liver tests before maintenance dosing",
					"Order ALT and AST (and GGT, alkaline phosphatase, bilirubin as the clinic does) and record them "
							+ "on the Labs tab; repeated ketamine is reported to injure the liver.",
					"Course", event.courseId(), false, now.plus(Duration.ofDays(14)),
					Set.of(Role.PRESCRIBER, Role.NURSE), "/patients/" + event.patientId() + "/labs", "Open the labs"));
		}
	}

	/** When the last standing ALT or AST was collected (no check: callers check). */
	Optional<Instant> lastLiverTest(UUID patientId) {
		List<String> transaminases = List.of(LabTest.ALT.loinc(), LabTest.AST.loinc());
		return this.labs.rows(patientId, false)
			.stream()
			.filter((r) -> transaminases.contains(r.code()))
			.map(LabResult::collectedAt)
			.max(Instant::compareTo);
	}

	/**
	 * When the next liver tests are due: an interval after the last; null without any.
	 */
	Instant liverTestsDue(UUID patientId) {
		return lastLiverTest(patientId).map((at) -> at.plus(interval())).orElse(null);
	}

	private Duration interval() {
		return Duration.ofDays(this.settings.liverTestsEveryDays());
	}

}
