package org.kapclinic.scheduling;

import java.util.List;

/**
 * A program template (data: resources/courses/*.json, new versions by ADMIN).
 *
 * @param spacing rules for the dosing steps; null fields fall back to
 * {@code kap.scheduling.*}
 * @param maintenance a course from this template is maintenance dosing: its patient needs
 * a maintenance review every {@code kap.safety.maintenance-review-interval} (issue 19;
 * null: no)
 */
record CourseTemplate(String code, String version, String name, String program, String description, String source,
		List<Step> steps, Spacing spacing, Boolean maintenance) {

	boolean maintenanceDosing() {
		return Boolean.TRUE.equals(this.maintenance);
	}

	/** The plan a course starts from: one planned step per template step. */
	List<Course.PlannedStep> plan() {
		return this.steps.stream()
			.map((step) -> new Course.PlannedStep(step.type(), step.count(), step.durationMinutes(),
					(step.roles() != null) ? step.roles() : List.of(),
					(step.needs() != null) ? step.needs() : List.of(), step.phase()))
			.toList();
	}

	/**
	 * One kind of session in the plan.
	 *
	 * @param roles staff roles the appointment needs
	 * @param needs capabilities the chair or room needs
	 * @param integrationAfter an integration session is expected after each such dose
	 */
	public record Step(String type, int count, int durationMinutes, List<String> roles, List<String> needs,
			Boolean integrationAfter, String phase) {
	}

	public record Spacing(Integer maxDosesPerWeek, Integer minHoursBetweenDoses, Integer integrationWithinDays) {
	}

}
