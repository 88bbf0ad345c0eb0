package org.kapclinic.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.util.UrlUtil;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Observation;
import org.kapclinic.shared.InvalidInputException;

/**
 * A {@code $export} kick-off's parameters (Bulk Data Access 2.0): which resource types
 * ({@code _type}; when absent, all this server exports, or for a backend client all its
 * scopes let it read), what changed since when ({@code _since}), and
 * {@code _typeFilter}s, of which this server understands
 * {@code Observation?code=&category=} (token lists, a code with or without its system).
 * Filters of one type are alternatives: a resource passes when any of them matches.
 * {@code program}: a Group export's treatment program (null otherwise).
 */
record ExportRequest(String level, String program, List<String> types, boolean typesNamed, Instant since,
		List<String> typeFilters) {

	static final String NDJSON = "application/fhir+ndjson";

	/** The output formats the specification says servers must accept as NDJSON. */
	private static final Set<String> NDJSON_NAMES = Set.of(NDJSON, "application/ndjson", "ndjson");

	/**
	 * Parses and checks the kick-off's parameters against the types this server exports.
	 * @throws InvalidInputException naming each parameter it cannot honour
	 */
	static ExportRequest parse(String level, String program, String outputFormat, String type, Instant since,
			Collection<String> typeFilters, Collection<String> exported) {
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		if (outputFormat != null && !NDJSON_NAMES.contains(outputFormat)) {
			problems
				.add(new InvalidInputException.FieldProblem("_outputFormat", "this server writes " + NDJSON + " only"));
		}
		List<String> types = new ArrayList<>();
		if (type == null || type.isBlank()) {
			types.addAll(exported);
		}
		else {
			for (String t : new LinkedHashSet<>(Arrays.asList(type.split(",")))) {
				if (!exported.contains(t.strip())) {
					problems.add(new InvalidInputException.FieldProblem("_type", "this server does not export "
							+ t.strip() + "; it exports " + String.join(", ", exported)));
				}
				types.add(t.strip());
			}
		}
		List<String> filters = (typeFilters == null) ? List.of() : List.copyOf(typeFilters);
		for (String filter : filters) {
			String problem = filterProblem(filter);
			if (problem != null) {
				problems.add(new InvalidInputException.FieldProblem("_typeFilter", problem));
			}
		}
		if (since != null && since.isAfter(Instant.now())) {
			problems.add(new InvalidInputException.FieldProblem("_since", "lies in the future"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new ExportRequest(level, program, List.copyOf(types), type != null && !type.isBlank(), since, filters);
	}

	/** The same export of fewer types. */
	ExportRequest ofTypes(List<String> fewer) {
		return new ExportRequest(this.level, this.program, List.copyOf(fewer), this.typesNamed, this.since,
				this.typeFilters);
	}

	/** Whether the resource passes this export's {@code _typeFilter}s for its type. */
	boolean passes(DomainResource resource) {
		String type = resource.fhirType();
		List<Map<String, String[]>> ofType = this.typeFilters.stream()
			.filter((f) -> f.startsWith(type + "?"))
			.map((f) -> UrlUtil.parseQueryString(f.substring(type.length() + 1)))
			.toList();
		return ofType.isEmpty() || ofType.stream().anyMatch((query) -> matches((Observation) resource, query));
	}

	private static boolean matches(Observation observation, Map<String, String[]> query) {
		String[] codes = query.get("code");
		String[] categories = query.get("category");
		return (codes == null || anyToken(observation.getCode().getCoding(), codes)) && (categories == null
				|| observation.getCategory().stream().anyMatch((concept) -> anyToken(concept.getCoding(), categories)));
	}

	/** Every value must match (AND); within one value, any comma-separated token (OR). */
	private static boolean anyToken(List<Coding> codings, String[] values) {
		for (String value : values) {
			boolean any = false;
			for (String token : value.split(",")) {
				int bar = token.indexOf('|');
				String system = (bar < 0) ? null : token.substring(0, bar);
				String code = (bar < 0) ? token : token.substring(bar + 1);
				any |= codings.stream()
					.anyMatch((c) -> code.equals(c.getCode()) && (system == null || system.equals(c.getSystem())));
			}
			if (!any) {
				return false;
			}
		}
		return true;
	}

	private static String filterProblem(String filter) {
		if (!filter.startsWith("Observation?")) {
			return "this server filters Observation only (Observation?code=&category=), not " + filter;
		}
		Map<String, String[]> query = UrlUtil.parseQueryString(filter.substring("Observation?".length()));
		for (String name : query.keySet()) {
			if (!name.equals("code") && !name.equals("category")) {
				return "this server filters Observations by code and category only, not by " + name;
			}
		}
		return query.isEmpty() ? "names no search parameter: " + filter : null;
	}

}
