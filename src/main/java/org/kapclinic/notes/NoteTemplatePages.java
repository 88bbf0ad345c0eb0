package org.kapclinic.notes;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.kapclinic.shared.EditedCopy;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Note templates for administrators (issue 14 item 9): the fields each note type asks
 * for, and a new version from an edited copy (rename, drop or add fields). A note keeps
 * the version it was written on, so a dropped field stays readable on old notes; an
 * existing field keeps its key, so search and disclosures still find it.
 */
@Controller
class NoteTemplatePages {

	/** Empty rows the form offers for new fields. */
	static final int NEW_ROWS = 3;

	private final NoteTemplates templates;

	NoteTemplatePages(NoteTemplates templates) {
		this.templates = templates;
	}

	@GetMapping("/admin/note-templates")
	String list(Model model) {
		model.addAttribute("templates", this.templates.current());
		return "notes/note-templates";
	}

	@GetMapping("/admin/note-templates/{type}/edit")
	String edit(@PathVariable NoteType type, Model model) {
		model.addAttribute("template", this.templates.latest(type));
		model.addAttribute("newRows", NEW_ROWS);
		return "notes/note-template-edit";
	}

	/**
	 * Existing fields come as {@code label.<key>} (and {@code keep.<key>} when kept), new
	 * ones as {@code new0..new2}; a new field's key is made from its label.
	 */
	@PostMapping("/admin/note-templates/{type}")
	String publish(@PathVariable NoteType type, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		NoteTemplate base = this.templates.latest(type);
		if (EditedCopy.stale(base.version(), params.get("baseVersion"), model)) {
			return edit(type, model);
		}
		List<NoteTemplate.Field> fields = new ArrayList<>();
		Set<String> keys = new HashSet<>();
		for (NoteTemplate.Field field : base.fields()) {
			if ("true".equals(params.get("keep." + field.key()))) {
				fields
					.add(new NoteTemplate.Field(field.key(), params.getOrDefault("label." + field.key(), "").strip()));
				keys.add(field.key());
			}
		}
		for (int i = 0; i < NEW_ROWS; i++) {
			String label = params.getOrDefault("new" + i, "").strip();
			if (!label.isEmpty()) {
				fields.add(new NoteTemplate.Field(keyOf(label, keys), label));
			}
		}
		try {
			NoteTemplate published = this.templates.publish(type, params.get("name"), fields);
			redirect.addFlashAttribute("message", "Version " + published.version() + " of " + published.name()
					+ " published. Notes started from now on use it.");
			return "redirect:/admin/note-templates";
		}
		catch (InvalidInputException ex) {
			model.addAttribute("template", base);
			model.addAttribute("newRows", NEW_ROWS);
			model.addAttribute("typed", params);
			model.addAttribute("error", "Not published: " + ex.problems().get(0).message() + ".");
			return "notes/note-template-edit";
		}
	}

	/**
	 * A key from a label: its words in lower camel case, letters and digits only, unique.
	 */
	static String keyOf(String label, Set<String> taken) {
		StringBuilder key = new StringBuilder();
		for (String word : label.split("[^\\p{Alnum}]+")) {
			String ascii = word.replaceAll("[^A-Za-z0-9]", "");
			if (ascii.isEmpty()) {
				continue;
			}
			key.append((key.length() == 0) ? ascii.toLowerCase(Locale.ROOT)
					: Character.toUpperCase(ascii.charAt(0)) + ascii.substring(1).toLowerCase(Locale.ROOT));
		}
		String base = (key.length() == 0 || !Character.isLetter(key.charAt(0))) ? "field" + key : key.toString();
		base = (base.length() > 36) ? base.substring(0, 36) : base;
		String unique = base;
		for (int n = 2; taken.contains(unique); n++) {
			unique = base + n;
		}
		taken.add(unique);
		return unique;
	}

}
