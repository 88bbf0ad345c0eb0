package org.kapclinic.scheduling;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Course templates and courses over HTTP. Each read of a course writes one audit row
 * naming the patient ({@link Courses#read}).
 */
@RestController
@Tag(name = "Courses and scheduling")
class CourseApi {

	private final CourseTemplates templates;

	private final Courses courses;

	private final CourseProgress courseProgress;

	CourseApi(CourseTemplates templates, Courses courses, CourseProgress courseProgress) {
		this.templates = templates;
		this.courses = courses;
		this.courseProgress = courseProgress;
	}

	@GetMapping("/api/v1/course-templates")
	@Operation(summary = "Program templates, newest version of each")
	List<CourseTemplate> templates() {
		return this.templates.current();
	}

	@PostMapping("/api/v1/course-templates")
	@Operation(summary = "Publish a new template version (ADMIN); versions are never edited")
	ResponseEntity<CourseTemplate> publish(@RequestBody CourseTemplate template) {
		return ResponseEntity.status(201).body(this.templates.publish(template));
	}

	@PostMapping("/api/v1/patients/{id}/courses")
	@Operation(summary = "Start a course from a template (PRESCRIBER, ADMIN)")
	ResponseEntity<Course> startCourse(@PathVariable UUID id, @Valid @RequestBody CourseRequest request) {
		Course course = this.courses.start(id, request);
		return ResponseEntity.created(URI.create("/api/v1/courses/" + course.id())).body(course);
	}

	@GetMapping("/api/v1/patients/{id}/courses")
	@Operation(summary = "The patient's courses, newest first")
	List<Course> courses(@PathVariable UUID id) {
		return this.courses.list(id);
	}

	@GetMapping("/api/v1/courses/{id}")
	@Operation(summary = "A course with its plan")
	Course course(@PathVariable UUID id) {
		return this.courses.read(id, "course");
	}

	@PostMapping("/api/v1/courses/{id}/status")
	@Operation(summary = "Move a course: PLANNED → ACTIVE → PAUSED → COMPLETED / DISCONTINUED (reason)")
	Course status(@PathVariable UUID id, @RequestBody StatusChange change) {
		return this.courses.changeStatus(id, change.status(), change.reason(), change.version());
	}

	@PostMapping("/api/v1/courses/{id}/plan")
	@Operation(summary = "Adjust the plan (add a booster, extend a series) with a reason")
	Course adjust(@PathVariable UUID id, @RequestBody PlanChange change) {
		return this.courses.adjustPlan(id, change.type(), (change.add() != null) ? change.add() : 0, change.reason(),
				change.version());
	}

	@GetMapping("/api/v1/courses/{id}/progress")
	@Operation(summary = "Planned against booked and completed sessions per type (the course timeline)")
	List<Course.Progress> progress(@PathVariable UUID id) {
		this.courses.read(id, "progress");
		return this.courseProgress.progress(id);
	}

	@GetMapping("/api/v1/courses/{id}/checks")
	@Operation(summary = "What the course's spacing rules find missing (e.g. MISSING_INTEGRATION after a dose)")
	List<String> checks(@PathVariable UUID id) {
		this.courses.read(id, "checks");
		return this.courseProgress.checks(id);
	}

	@GetMapping("/api/v1/courses/{id}/history")
	@Operation(summary = "Every change of the course's status and plan, with its reason")
	List<Map<String, Object>> history(@PathVariable UUID id) {
		this.courses.read(id, "history");
		return this.courseProgress.history(id);
	}

	record StatusChange(String status, String reason, Integer version) {
	}

	record PlanChange(String type, Integer add, String reason, Integer version) {
	}

}
