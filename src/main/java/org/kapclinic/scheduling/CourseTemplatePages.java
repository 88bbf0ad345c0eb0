package org.kapclinic.scheduling;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.EditedCopy;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.SourceNotes;
import org.kapclinic.shared.VersionedDocuments.Publication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Course templates for administrators (issue 14 item 9): the newest version of each, and
 * a new version published from an edited copy (the steps' counts, lengths, equipment and
 * integration, the spacing rules, the words). Courses already planned keep the version
 * they were planned on. {@link CourseTemplates#publish} validates; a refused copy comes
 * back as typed with each problem beside its field.
 */
@Controller
class CourseTemplatePages {

	private final CourseTemplates templates;

	private final ClinicTime clinicTime;

	CourseTemplatePages(CourseTemplates templates, ClinicTime clinicTime) {
		this.templates = templates;
		this.clinicTime = clinicTime;
	}

	@GetMapping("/admin/course-templates")
	String list(Model model) {
		List<CourseTemplate> current = this.templates.current();
		Map<String, List<Publication>> histories = new LinkedHashMap<>();
		current.forEach((t) -> histories.put(t.code(), this.templates.history(t.code())));
		model.addAttribute("templates", current);
		model.addAttribute("histories", histories);
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		return "scheduling/course-templates";
	}

	@GetMapping("/admin/course-templates/{code}/edit")
	String edit(@PathVariable String code, Model model) {
		CourseTemplate base = current(code);
		return form(base, values(base, suggest(base)), Map.of(), model);
	}

	@PostMapping("/admin/course-templates/{code}")
	String publish(@PathVariable String code, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		CourseTemplate base = current(code);
		if (EditedCopy.stale(base.version(), params.get("baseVersion"), model)) {
			return form(base, values(base, suggest(base)), Map.of(), model);
		}
		List<FieldProblem> problems = new ArrayList<>();
		CourseTemplate copy = copy(base, params, problems);
		try {
			if (!problems.isEmpty()) {
				problems.addAll(CourseTemplates.problems(copy));
				throw new InvalidInputException(problems);
			}
			this.templates.publish(copy);
			redirect.addFlashAttribute("message", "Version " + copy.version() + " of " + copy.name()
					+ " published. Courses planned from now on use it; planned courses keep theirs.");
			return "redirect:/admin/course-templates";
		}
		catch (InvalidInputException ex) {
			Map<String, String> errors = new LinkedHashMap<>();
			ex.problems().forEach((p) -> errors.merge(formField(p.field()), p.message(), (a, b) -> a + "; " + b));
			model.addAttribute("error", "Not published: see the values marked below.");
			return form(base, params, errors, model);
		}
	}

	private CourseTemplate current(String code) {
		return this.templates.current(code).orElseThrow(() -> new NotFoundException("CourseTemplate", code));
	}

	private String form(CourseTemplate base, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("template", base);
		model.addAttribute("values", values);
		model.addAttribute("errors", errors);
		return "scheduling/course-template-edit";
	}

	/** The form's values of a version, under the version the copy will get. */
	private static Map<String, String> values(CourseTemplate base, String version) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("version", version);
		values.put("name", base.name());
		values.put("description", (base.description() != null) ? base.description() : "");
		values.put("source", (base.source() != null) ? SourceNotes.readable(base.source()) : "");
		for (int i = 0; i < base.steps().size(); i++) {
			CourseTemplate.Step step = base.steps().get(i);
			values.put("step" + i + ".count", String.valueOf(step.count()));
			values.put("step" + i + ".durationMinutes", String.valueOf(step.durationMinutes()));
			values.put("step" + i + ".needs", (step.needs() != null) ? String.join(", ", step.needs()) : "");
			values.put("step" + i + ".integrationAfter", Boolean.TRUE.equals(step.integrationAfter()) ? "true" : "");
		}
		CourseTemplate.Spacing spacing = base.spacing();
		values.put("spacing.maxDosesPerWeek", text((spacing != null) ? spacing.maxDosesPerWeek() : null));
		values.put("spacing.minHoursBetweenDoses", text((spacing != null) ? spacing.minHoursBetweenDoses() : null));
		values.put("spacing.integrationWithinDays", text((spacing != null) ? spacing.integrationWithinDays() : null));
		return values;
	}

	private static CourseTemplate copy(CourseTemplate base, Map<String, String> params, List<FieldProblem> problems) {
		List<CourseTemplate.Step> steps = new ArrayList<>();
		for (int i = 0; i < base.steps().size(); i++) {
			CourseTemplate.Step step = base.steps().get(i);
			String needs = params.getOrDefault("step" + i + ".needs", "").strip();
			steps.add(new CourseTemplate.Step(step.type(), whole(params, "step" + i + ".count", step.count(), problems),
					whole(params, "step" + i + ".durationMinutes", step.durationMinutes(), problems), step.roles(),
					needs.isEmpty() ? List.of()
							: Arrays.stream(needs.split("\\s*,\\s*")).filter((n) -> !n.isBlank()).toList(),
					"true".equals(params.get("step" + i + ".integrationAfter")) ? Boolean.TRUE : null, step.phase()));
		}
		CourseTemplate.Spacing spacing = new CourseTemplate.Spacing(
				optionalWhole(params, "spacing.maxDosesPerWeek", problems),
				optionalWhole(params, "spacing.minHoursBetweenDoses", problems),
				optionalWhole(params, "spacing.integrationWithinDays", problems));
		return new CourseTemplate(base.code(), params.getOrDefault("version", "").strip(),
				params.getOrDefault("name", "").strip(), base.program(), blankToNull(params.get("description")),
				unchangedSource(base, params.get("source")), steps, spacing, base.maintenance());
	}

	private static int whole(Map<String, String> params, String name, int fallback, List<FieldProblem> problems) {
		Integer value = optionalWhole(params, name, problems);
		if (value == null && !problems.stream().anyMatch((p) -> p.field().equals(name))) {
			problems.add(new FieldProblem(name, "required"));
		}
		return (value != null) ? value : fallback;
	}

	private static Integer optionalWhole(Map<String, String> params, String name, List<FieldProblem> problems) {
		String text = params.getOrDefault(name, "").strip();
		if (text.isEmpty()) {
			return null;
		}
		try {
			return Integer.valueOf(text);
		}
		catch (NumberFormatException ex) {
			problems.add(new FieldProblem(name, "enter a whole number"));
			return null;
		}
	}

	/** The rules' {@code steps[2]} is the form's third step row. */
	private static String formField(String field) {
		java.util.regex.Matcher step = java.util.regex.Pattern.compile("steps\\[(\\d+)\\].*").matcher(field);
		return step.matches() ? "step" + step.group(1) + ".count" : field;
	}

	/** The next version not yet taken. */
	private String suggest(CourseTemplate base) {
		String version = nextVersion(base.version());
		while (this.templates.version(base.code(), version).isPresent()) {
			version = nextVersion(version);
		}
		return version;
	}

	/** The version a copy proposes: "2026.11-1" becomes "2026.11-2"; others get "-2". */
	static String nextVersion(String version) {
		java.util.regex.Matcher numbered = java.util.regex.Pattern.compile("(.*-)(\\d+)").matcher(version);
		return numbered.matches() ? numbered.group(1) + (Integer.parseInt(numbered.group(2)) + 1) : version + "-2";
	}

	/** The form shows the source readable; unchanged, it keeps its full text. */
	private static String unchangedSource(CourseTemplate base, String posted) {
		String text = blankToNull(posted);
		return (text != null && base.source() != null && text.equals(SourceNotes.readable(base.source())))
				? base.source() : text;
	}

	private static String text(Integer value) {
		return (value != null) ? value.toString() : "";
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
