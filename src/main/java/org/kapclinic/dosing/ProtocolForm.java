package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.SourceNotes;

/**
 * The protocol editor's form (issue 14 item 9): the editable values of a protocol version
 * as labelled fields, and an edited copy turned back into a {@link Protocol} for
 * {@link Protocols#publish}, which applies {@link ProtocolRules}. What identifies a
 * protocol (code, program, route, drug, dose unit) is not editable: a different one is a
 * different protocol. A field is named by its JSON path ({@code hold.systolicAbove}), so
 * the rules' field problems land next to it.
 */
final class ProtocolForm {

	static final String SOURCES = "Sources (why each value is what it is)";

	private final JsonMapper json;

	ProtocolForm(JsonMapper json) {
		this.json = json;
	}

	/**
	 * The fields this protocol shows, by section (its sources last, one per documented
	 * field).
	 */
	Map<String, List<ProtocolField>> sections(Protocol protocol) {
		JsonNode tree = this.json.valueToTree(protocol);
		Map<String, List<ProtocolField>> sections = new LinkedHashMap<>();
		for (ProtocolField field : ProtocolField.ALL) {
			if (field.always() || !at(tree, field.path()).isNull()) {
				sections.computeIfAbsent(field.section(), (key) -> new ArrayList<>()).add(field);
			}
		}
		if (protocol.sources() != null) {
			protocol.sources()
				.keySet()
				.forEach((key) -> sections.computeIfAbsent(SOURCES, (k) -> new ArrayList<>())
					.add(new ProtocolField("sources." + key, SOURCES, sourceLabel(key), ProtocolField.Kind.LONG_TEXT,
							true)));
		}
		return sections;
	}

	/** What a source documents, in words: its field's label or its section's title. */
	private static String sourceLabel(String key) {
		for (ProtocolField field : ProtocolField.ALL) {
			if (field.path().equals(key)) {
				return field.label();
			}
			if (field.path().startsWith(key + ".")) {
				return key.equals("usualRange") ? "Usual range" : field.section();
			}
		}
		return key.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
	}

	/**
	 * The values as the read-only page shows them: choices by their labels, yes or no,
	 * empty as a dash.
	 */
	Map<String, String> display(Protocol protocol) {
		Map<String, String> values = values(protocol);
		for (List<ProtocolField> fields : sections(protocol).values()) {
			for (ProtocolField field : fields) {
				String value = values.get(field.path());
				if (field.choices()) {
					Map<String, String> options = field.options();
					value = java.util.Arrays.stream(value.split(",\\s*"))
						.filter((code) -> !code.isEmpty())
						.map((code) -> options.getOrDefault(code, code))
						.collect(java.util.stream.Collectors.joining("; "));
				}
				else if (field.yesNo()) {
					value = "true".equals(value) ? "Yes" : "No";
				}
				values.put(field.path(), value.isEmpty() ? "—" : value);
			}
		}
		return values;
	}

	/**
	 * The form field a rule's problem belongs beside: the field itself, or the first
	 * field of the group it names ({@code usualRange}, {@code hold}); else the name.
	 */
	static String fieldFor(String problemField, Map<String, List<ProtocolField>> sections) {
		for (List<ProtocolField> fields : sections.values()) {
			for (ProtocolField field : fields) {
				if (field.path().equals(problemField) || field.path().startsWith(problemField + ".")) {
					return field.path();
				}
			}
		}
		return "name";
	}

	/** The codes checked in each choice field, from the form's values. */
	static Map<String, java.util.Set<String>> chosen(Map<String, String> values) {
		Map<String, java.util.Set<String>> chosen = new LinkedHashMap<>();
		for (ProtocolField field : ProtocolField.ALL) {
			if (field.choices()) {
				chosen.put(field.path(), new java.util.HashSet<>(
						java.util.Arrays.asList(values.getOrDefault(field.path(), "").split(",\\s*"))));
			}
		}
		return chosen;
	}

	/** The form's values for a protocol: text per field, lists comma-separated. */
	Map<String, String> values(Protocol protocol) {
		JsonNode tree = this.json.valueToTree(protocol);
		Map<String, String> values = new LinkedHashMap<>();
		for (List<ProtocolField> fields : sections(protocol).values()) {
			for (ProtocolField field : fields) {
				JsonNode node = at(tree, field.path());
				if (node.isArray()) {
					List<String> items = new ArrayList<>();
					node.forEach((item) -> items.add(item.asString()));
					values.put(field.path(), String.join(", ", items));
				}
				else if (field.path().startsWith("sources.")) {
					values.put(field.path(), node.isNull() ? "" : SourceNotes.readable(node.asString()));
				}
				else {
					values.put(field.path(), node.isNull() ? "" : node.asString());
				}
			}
		}
		return values;
	}

	/**
	 * The edited copy: the base version with the posted values, as the next version.
	 * Unparseable values are refused here (400, per field); the protocol rules are the
	 * publisher's.
	 */
	Protocol copy(Protocol base, Map<String, String> posted, Map<String, List<String>> chosen) {
		ObjectNode tree = (ObjectNode) this.json.valueToTree(base);
		tree.put("version", base.version() + 1);
		List<FieldProblem> problems = new ArrayList<>();
		for (List<ProtocolField> fields : sections(base).values()) {
			for (ProtocolField field : fields) {
				String text = (field.choices()) ? null : posted.getOrDefault(field.path(), "").strip();
				if (field.path().startsWith("sources.")) {
					// An unchanged note keeps its full text (the form shows it readable).
					String original = at(tree, field.path()).asString();
					if (text.equals(SourceNotes.readable(original))) {
						text = original;
					}
				}
				try {
					set(tree, field, text, chosen.getOrDefault(field.path(), List.of()));
				}
				catch (NumberFormatException ex) {
					problems.add(new FieldProblem(field.path(),
							(field.kind() == ProtocolField.Kind.NUMBER) ? "enter a number" : "enter whole numbers"));
				}
			}
		}
		Protocol copy = this.json.treeToValue(tree, Protocol.class);
		if (!problems.isEmpty()) {
			// A value that is not a number keeps the base's; the rules still check the
			// rest,
			// so every problem is shown at once.
			problems.addAll(ProtocolRules.problems(copy));
			throw new InvalidInputException(problems);
		}
		return copy;
	}

	private static void set(ObjectNode tree, ProtocolField field, String text, List<String> chosen) {
		String[] path = field.path().split("\\.");
		ObjectNode parent = tree;
		for (int i = 0; i < path.length - 1; i++) {
			JsonNode child = parent.get(path[i]);
			parent = (child instanceof ObjectNode object) ? object : parent.putObject(path[i]);
		}
		String name = path[path.length - 1];
		switch (field.kind()) {
			case TEXT, LONG_TEXT -> {
				if (text.isEmpty()) {
					parent.putNull(name);
				}
				else {
					parent.put(name, text);
				}
			}
			case NUMBER -> {
				if (text.isEmpty()) {
					parent.putNull(name);
				}
				else {
					parent.put(name, new BigDecimal(text));
				}
			}
			case WHOLE -> {
				if (text.isEmpty()) {
					parent.putNull(name);
				}
				else {
					parent.put(name, Integer.parseInt(text));
				}
			}
			case WHOLE_LIST -> {
				ArrayNode list = parent.putArray(name);
				for (String item : text.split("[,\\s]+")) {
					if (!item.isEmpty()) {
						list.add(Integer.parseInt(item));
					}
				}
			}
			case YES_NO -> parent.put(name, "true".equals(text));
			case CHECKLIST, DISCHARGE_CRITERIA -> {
				ArrayNode list = parent.putArray(name);
				field.options().keySet().stream().filter(chosen::contains).forEach(list::add);
			}
		}
	}

	private static JsonNode at(JsonNode tree, String path) {
		JsonNode node = tree;
		for (String part : path.split("\\.")) {
			node = (node == null || node.isNull()) ? null : node.get(part);
		}
		return (node == null) ? tools.jackson.databind.node.NullNode.getInstance() : node;
	}

}
