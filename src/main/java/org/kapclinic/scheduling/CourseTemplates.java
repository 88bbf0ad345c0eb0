package org.kapclinic.scheduling;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
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
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Program templates: the shipped files are stored on start (each version once); an
 * administrator publishes a new version, never edits one; the newest version of each code
 * is the one offered.
 */
@Service
@Transactional
class CourseTemplates {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	CourseTemplates(JdbcClient jdbc, JsonMapper json, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	public void storeShipped() throws IOException {
		for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath:courses/*.json")) {
			try (InputStream in = resource.getInputStream()) {
				CourseTemplate template = this.json.readValue(in, CourseTemplate.class);
				List<FieldProblem> problems = problems(template);
				if (!problems.isEmpty()) {
					throw new IllegalStateException(resource.getFilename() + ": " + problems);
				}
				store(template, null);
			}
		}
	}

	/** The newest version of every template. */
	@Transactional(readOnly = true)
	public List<CourseTemplate> current() {
		return this.jdbc.sql("""
				select distinct on (code) body::text from scheduling.course_template
				order by code, created_at desc""").query(String.class).list().stream().map(this::read).toList();
	}

	@Transactional(readOnly = true)
	public Optional<CourseTemplate> current(String code) {
		return this.jdbc.sql("""
				select body::text from scheduling.course_template where code = ? order by created_at desc limit 1""")
			.param(code)
			.query(String.class)
			.optional()
			.map(this::read);
	}

	@Transactional(readOnly = true)
	public Optional<CourseTemplate> version(String code, String version) {
		return this.jdbc.sql("select body::text from scheduling.course_template where code = ? and version = ?")
			.params(code, version)
			.query(String.class)
			.optional()
			.map(this::read);
	}

	/** ADMIN publishes a new version (an existing code + version is refused). */
	public CourseTemplate publish(CourseTemplate template) {
		if (!this.currentUser.require().has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators publish templates");
		}
		List<FieldProblem> problems = problems(template);
		if (version(template.code(), template.version()).isPresent()) {
			problems.add(new FieldProblem("version", "this version exists; templates are versioned, never edited"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		store(template, this.currentUser.require().id());
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "CourseTemplate", template.code())
			.category(DataCategory.ADMINISTRATION)
			.detail("version " + template.version()));
		return template;
	}

	private void store(CourseTemplate template, java.util.UUID by) {
		this.jdbc.sql("""
				insert into scheduling.course_template (code, version, body, created_at, created_by)
				values (?, ?, ?::jsonb, ?, ?) on conflict do nothing""")
			.params(template.code(), template.version(), this.json.writeValueAsString(template),
					Timestamp.from(Instant.now(this.clock)), by)
			.update();
	}

	private CourseTemplate read(String body) {
		return this.json.readValue(body, CourseTemplate.class);
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
