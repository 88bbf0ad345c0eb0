package org.kapclinic.scheduling;

import java.util.Locale;

import org.kapclinic.intake.Program;
import org.springframework.stereotype.Component;

/**
 * A course in words for templates ({@code ${@courseLabels.title(c)}}): the template's own
 * name, the program's label and the status, never their codes.
 */
@Component("courseLabels")
class CourseLabels {

	private final CourseTemplates templates;

	CourseLabels(CourseTemplates templates) {
		this.templates = templates;
	}

	/** "Maintenance / booster · Ketamine-assisted psychotherapy". */
	public String title(Course course) {
		return name(course) + " · " + program(course);
	}

	/** The course template's own name ("Maintenance / booster"). */
	public String name(Course course) {
		return this.templates.version(course.templateCode(), course.templateVersion())
			.map(CourseTemplate::name)
			.orElse(course.templateCode().replace('_', ' ').toLowerCase(Locale.ROOT));
	}

	/** The program in words ("IV ketamine infusion"). */
	public String program(Course course) {
		return Program.labelOf(course.program());
	}

	public String status(Course course) {
		return course.status().label();
	}

}
