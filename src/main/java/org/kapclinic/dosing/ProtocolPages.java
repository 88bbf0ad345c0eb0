package org.kapclinic.dosing;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.EditedCopy;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.VersionedDocuments.Publication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Dosing protocols for administrators (issue 14 item 9): read every version, and publish
 * a new one from an edited copy of the newest. A stored version is never changed;
 * sessions keep the version they started with. {@link Protocols#publish} validates
 * ({@link ProtocolRules}); a refused copy comes back as typed with each problem beside
 * its field.
 */
@Controller
class ProtocolPages {

	private final Protocols protocols;

	private final ProtocolForm form;

	private final UserDirectory directory;

	private final ClinicTime clinicTime;

	ProtocolPages(Protocols protocols, JsonMapper json, UserDirectory directory, ClinicTime clinicTime) {
		this.protocols = protocols;
		this.form = new ProtocolForm(json);
		this.directory = directory;
		this.clinicTime = clinicTime;
	}

	@GetMapping("/admin/protocols")
	String list(Model model) {
		model.addAttribute("protocols", this.protocols.current());
		model.addAttribute("published", this.protocols.newestPublications());
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		return "dosing/protocols";
	}

	@GetMapping("/admin/protocols/{code}")
	String read(@PathVariable String code, @RequestParam(required = false) Integer version, Model model) {
		Protocol newest = this.protocols.current(code);
		Protocol shown = (version != null) ? this.protocols.version(code, version) : newest;
		List<Publication> history = this.protocols.history(code);
		model.addAttribute("protocol", shown);
		model.addAttribute("newest", newest.version().equals(shown.version()));
		model.addAttribute("sections", this.form.sections(shown));
		model.addAttribute("values", this.form.display(shown));
		model.addAttribute("history", history);
		Map<UUID, StaffMember> staff = this.directory
			.findAll(history.stream().map(Publication::publishedBy).filter((id) -> id != null).toList());
		Map<String, String> publishers = new LinkedHashMap<>();
		history.forEach((h) -> publishers.put(h.version(), name(staff, h.publishedBy())));
		model.addAttribute("publishers", publishers);
		model.addAttribute("zone", this.clinicTime.timeZone().getId());
		return "dosing/protocol";
	}

	@GetMapping("/admin/protocols/{code}/edit")
	String edit(@PathVariable String code, Model model) {
		Protocol base = this.protocols.current(code);
		return form(base, this.form.values(base), Map.of(), model);
	}

	/**
	 * Publishes the edited copy as the next version. Refused when another version was
	 * published since the copy was taken (the editor would silently undo it).
	 */
	@PostMapping("/admin/protocols/{code}")
	String publish(@PathVariable String code, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		Protocol base = this.protocols.current(code);
		Map<String, String> typed = params.toSingleValueMap();
		if (EditedCopy.stale(base.version(), typed.get("baseVersion"), model)) {
			return form(base, this.form.values(base), Map.of(), model);
		}
		try {
			Protocol copy = this.form.copy(base, typed, params);
			this.protocols.publish(copy);
			redirect.addFlashAttribute("message", "Version " + copy.version()
					+ " published. New sessions use it; sessions already started keep their version.");
			return "redirect:/admin/protocols/" + code;
		}
		catch (InvalidInputException ex) {
			Map<String, List<ProtocolField>> sections = this.form.sections(base);
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem problem : ex.problems()) {
				errors.merge(ProtocolForm.fieldFor(problem.field(), sections), problem.message(),
						(a, b) -> a + "; " + b);
			}
			Map<String, String> shown = new LinkedHashMap<>(typed);
			sections.values()
				.stream()
				.flatMap(List::stream)
				.filter(ProtocolField::choices)
				.forEach((f) -> shown.put(f.path(), String.join(", ", params.getOrDefault(f.path(), List.of()))));
			model.addAttribute("error",
					"Not published: " + ex.problems().size()
							+ ((ex.problems().size() == 1) ? " value needs" : " values need")
							+ " a change (shown beside each).");
			return form(base, shown, errors, model);
		}
	}

	private String form(Protocol base, Map<String, String> values, Map<String, String> errors, Model model) {
		model.addAttribute("protocol", base);
		model.addAttribute("sections", this.form.sections(base));
		model.addAttribute("values", values);
		model.addAttribute("chosen", ProtocolForm.chosen(values));
		model.addAttribute("errors", errors);
		return "dosing/protocol-edit";
	}

	/** Who published a version (a shipped version has no publisher). */
	private static String name(Map<UUID, StaffMember> publishers, UUID id) {
		return (id != null && publishers.containsKey(id)) ? publishers.get(id).displayName()
				: "shipped with KAP Clinic";
	}

}
