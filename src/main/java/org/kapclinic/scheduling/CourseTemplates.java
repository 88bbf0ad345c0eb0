package org.kapclinic.scheduling;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.intake.Program;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.VersionedDocuments;
import org.kapclinic.shared.VersionedDocuments.Publication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program templates, versioned documents ({@link VersionedDocuments}): the shipped files
 * are stored on start; an administrator publishes a new version, never edits one; the
 * newest version of each code is the one offered, and a planned course keeps its own.
 */
@Service
@Transactional
class CourseTemplates {

	private final VersionedDocuments<CourseTemplate> documents;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	CourseTemplates(JdbcClient jdbc, JsonMapper json, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		// Versions are names ("2026.2"), so the newest is the one published last.
		this.documents = new VersionedDocuments<>(jdbc, json, clock,
				new VersionedDocuments.Kind<>("scheduling.course_template", CourseTemplate.class, "templates",
						CourseTemplate::code, CourseTemplate::version, "published_at desc", CourseTemplates::problems));
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void storeShipped() {
		this.documents.storeShipped("classpath:courses/*.json");
	}

	/** The newest version of every template. */
	@Transactional(readOnly = true)
	public List<CourseTemplate> current() {
		return this.documents.current();
	}

	@Transactional(readOnly = true)
	public Optional<CourseTemplate> current(String code) {
		return this.documents.current(code);
	}

	/** One stored version (cached: versions never change). */
	@Transactional(readOnly = true)
	public Optional<CourseTemplate> version(String code, String version) {
		return this.documents.version(code, version);
	}

	/** Every stored version of one template, newest first. */
	@Transactional(readOnly = true)
	public List<Publication> history(String code) {
		return this.documents.history(code);
	}

	/** ADMIN publishes a new version (an existing code + version is refused). */
	public CourseTemplate publish(CourseTemplate template) {
		if (!this.currentUser.require().has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators publish templates");
		}
		this.documents.publish(template, this.currentUser.require().id());
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "CourseTemplate", template.code())
			.category(DataCategory.ADMINISTRATION)
			.detail("version " + template.version()));
		return template;
	}

	static List<FieldProblem> problems(CourseTemplate template) {
		List<FieldProblem> problems = new ArrayList<>();
		if (template.code() == null || !template.code().matches("[A-Z0-9_]{2,40}")) {
			problems.add(new FieldProblem("code", "2–40 capitals, digits or _"));
		}
		if (template.version() == null || template.version().isBlank() || template.version().length() > 40) {
			problems.add(new FieldProblem("version", "required, at most 40 characters"));
		}
		if (template.name() == null || template.name().isBlank()) {
			problems.add(new FieldProblem("name", "required"));
		}
		try {
			Program.valueOf(String.valueOf(template.program()));
		}
		catch (IllegalArgumentException ex) {
			problems.add(new FieldProblem("program", "one of KAP, IV_INFUSION, ESKETAMINE"));
		}
		List<CourseTemplate.Step> steps = (template.steps() != null) ? template.steps() : List.of();
		if (steps.isEmpty()) {
			problems.add(new FieldProblem("steps", "at least one step"));
		}
		for (int i = 0; i < steps.size(); i++) {
			CourseTemplate.Step step = steps.get(i);
			try {
				AppointmentType.valueOf(String.valueOf(step.type()));
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("steps[" + i + "].type", "an appointment type"));
			}
			for (String need : (step.needs() != null) ? step.needs() : List.<String>of()) {
				if (RoomCapability.parse(need).isEmpty()) {
					problems.add(new FieldProblem("steps[" + i + "].needs",
							"\"" + need + "\" is not equipment we know: one of " + RoomCapability.choices()));
				}
			}
			if (step.count() < 1 || step.count() > 52 || step.durationMinutes() < 10 || step.durationMinutes() > 600) {
				problems.add(new FieldProblem("steps[" + i + "]", "count 1–52, durationMinutes 10–600"));
			}
		}
		return problems;
	}

}
