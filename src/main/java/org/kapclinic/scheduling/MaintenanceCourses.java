package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patient's bookable courses of maintenance dosing (issue 19): those whose template,
 * as started or in its current version, is marked {@code "maintenance": true} (the
 * shipped MAINTENANCE_BOOSTER is), so a course started before the template was marked is
 * counted too. No access check: the caller checks.
 */
@Service
@Transactional(readOnly = true)
public class MaintenanceCourses {

	private final Courses courses;

	private final CourseTemplates templates;

	MaintenanceCourses(Courses courses, CourseTemplates templates) {
		this.courses = courses;
		this.templates = templates;
	}

	/** A maintenance course: its id, its template's name and when it was started. */
	public record MaintenanceCourse(UUID courseId, String name, Instant startedAt) {
	}

	/** Oldest first. */
	public List<MaintenanceCourse> of(UUID patientId) {
		return this.courses.active(patientId)
			.stream()
			.filter(this::maintenance)
			.sorted(java.util.Comparator.comparing(Course::createdAt))
			.map((course) -> new MaintenanceCourse(course.id(),
					this.templates.current(course.templateCode())
						.map(CourseTemplate::name)
						.orElse(course.templateCode()),
					course.createdAt()))
			.toList();
	}

	private boolean maintenance(Course course) {
		return this.templates.current(course.templateCode()).map(CourseTemplate::maintenanceDosing).orElse(false)
				|| this.templates.version(course.templateCode(), course.templateVersion())
					.map(CourseTemplate::maintenanceDosing)
					.orElse(false);
	}

}
