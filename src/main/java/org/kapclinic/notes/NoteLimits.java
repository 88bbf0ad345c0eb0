package org.kapclinic.notes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Note text is untrusted input: stored exactly as written (rendered escaped everywhere),
 * but bounded, with an error that says which field is too long and by how much.
 */
@Component
class NoteLimits {

	private final int maxFieldChars;

	private final int maxNoteChars;

	NoteLimits(@Value("${kap.notes.max-field-chars:20000}") int maxFieldChars,
			@Value("${kap.notes.max-note-chars:100000}") int maxNoteChars) {
		this.maxFieldChars = maxFieldChars;
		this.maxNoteChars = maxNoteChars;
	}

	/**
	 * The body with only the template's fields (unknown keys are refused, not dropped).
	 */
	Map<String, String> checkedBody(NoteTemplate template, Map<String, String> body) {
		Map<String, String> checked = new LinkedHashMap<>();
		if (body == null) {
			return checked;
		}
		List<FieldProblem> problems = new ArrayList<>();
		long total = 0;
		for (Map.Entry<String, String> field : body.entrySet()) {
			if (!template.hasField(field.getKey())) {
				problems.add(new FieldProblem("body." + field.getKey(), "not a field of the " + template.code()
						+ " template; fields are " + template.fields().stream().map(NoteTemplate.Field::key).toList()));
				continue;
			}
			String value = (field.getValue() != null) ? field.getValue() : "";
			if (value.length() > this.maxFieldChars) {
				problems.add(new FieldProblem("body." + field.getKey(),
						"is " + value.length() + " characters; at most " + this.maxFieldChars + " per field"));
			}
			total += value.length();
			checked.put(field.getKey(), value);
		}
		if (total > this.maxNoteChars) {
			problems.add(new FieldProblem("body", "is " + total + " characters; at most " + this.maxNoteChars));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return checked;
	}

	String checkedText(String field, String text) {
		String value = (text != null) ? text : "";
		if (value.length() > this.maxFieldChars) {
			throw InvalidInputException.of(field,
					"is " + value.length() + " characters; at most " + this.maxFieldChars);
		}
		return value;
	}

}
