package org.kapclinic.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * The application's request mappings indexed by the literal start of their path patterns
 * (ADR 3), so that a request is checked against the few mappings that could match it
 * instead of all of them. Built once, when the handler methods are registered; never
 * changed afterwards.
 */
final class MappingIndex {

	/** Mappings without a literal start (a top-level variable, or no pattern). */
	private final List<Entry> anywhere;

	private final Map<String, List<Entry>> byPrefix;

	/** As Spring's registry keeps them: mappings by each pattern without variables. */
	private final Map<String, List<Entry>> byDirectPath;

	private MappingIndex(List<Entry> anywhere, Map<String, List<Entry>> byPrefix,
			Map<String, List<Entry>> byDirectPath) {
		this.anywhere = anywhere;
		this.byPrefix = byPrefix;
		this.byDirectPath = byDirectPath;
	}

	static MappingIndex of(Map<RequestMappingInfo, HandlerMethod> handlers,
			Function<RequestMappingInfo, Set<String>> directPaths) {
		List<Entry> anywhere = new ArrayList<>();
		Map<String, List<Entry>> byPrefix = new HashMap<>();
		Map<String, List<Entry>> byDirectPath = new HashMap<>();
		handlers.forEach((info, handler) -> {
			String[] prefixes = prefixes(info);
			Entry entry = Entry.of(info, handler, prefixes.length > 1);
			if (prefixes.length == 0) {
				anywhere.add(entry);
			}
			for (String prefix : prefixes) {
				byPrefix.computeIfAbsent(prefix, (p) -> new ArrayList<>()).add(entry);
			}
			for (String path : directPaths.apply(info)) {
				byDirectPath.computeIfAbsent(path, (p) -> new ArrayList<>()).add(entry);
			}
		});
		return new MappingIndex(List.copyOf(anywhere), byPrefix, byDirectPath);
	}

	/** The mappings naming exactly this path (Spring tries these first). */
	List<Entry> direct(String path, String method) {
		List<Entry> found = new ArrayList<>(2);
		add(this.byDirectPath.get(path), method, found);
		return found;
	}

	/**
	 * Every mapping that could match the path and method: those whose literal start is
	 * the path or ends where one of its segments does, and those without one.
	 */
	List<Entry> candidates(String path, String method) {
		List<Entry> found = new ArrayList<>(8);
		add(this.anywhere, method, found);
		for (int i = 1; i < path.length(); i++) {
			if (path.charAt(i) == '/') {
				add(this.byPrefix.get(path.substring(0, i)), method, found);
			}
		}
		// "/files/{*rest}" (prefix "/files") matches "/files" itself.
		add(this.byPrefix.get(path), method, found);
		return found;
	}

	/**
	 * Each pattern's literal start, cut back to the last whole segment before its first
	 * wildcard: {@code /api/v1/dosing-sessions/{id}/vitals} gives
	 * {@code /api/v1/dosing-sessions}. Cutting at a segment keeps every path the pattern
	 * can match ({@code /files/{*rest}} matches {@code /files}); a prefix that lets
	 * through a path the pattern refuses only costs the full check. A pattern without
	 * wildcards matches only its own path ({@code /patients}, or {@code /patients/} with
	 * a trailing separator, whose start it is): it is its own prefix. None when a pattern
	 * starts with a variable ({@code /{page}}).
	 */
	static String[] prefixes(RequestMappingInfo info) {
		Set<String> patterns = info.getPatternValues();
		if (patterns.isEmpty()) {
			return new String[0];
		}
		String[] result = new String[patterns.size()];
		int i = 0;
		for (String pattern : patterns) {
			int wildcard = firstWildcard(pattern);
			if (wildcard == pattern.length() && pattern.startsWith("/")) {
				result[i++] = pattern;
				continue;
			}
			String literal = pattern.substring(0, wildcard);
			int segment = literal.lastIndexOf('/');
			if (segment <= 0) {
				return new String[0];
			}
			result[i++] = literal.substring(0, segment);
		}
		return result;
	}

	private static int firstWildcard(String pattern) {
		for (int i = 0; i < pattern.length(); i++) {
			char c = pattern.charAt(i);
			if (c == '{' || c == '*' || c == '?') {
				return i;
			}
		}
		return pattern.length();
	}

	private static void add(List<Entry> entries, String method, List<Entry> found) {
		if (entries == null) {
			return;
		}
		for (Entry entry : entries) {
			// A mapping with two patterns is under two prefixes: listed once.
			if (entry.allows(method) && !(entry.underSeveral() && found.contains(entry))) {
				found.add(entry);
			}
		}
	}

	/**
	 * A mapping, its handler, its HTTP methods (empty: any) and whether it is listed
	 * under several prefixes.
	 */
	record Entry(RequestMappingInfo info, HandlerMethod handler, Set<String> methods, boolean underSeveral) {

		static Entry of(RequestMappingInfo info, HandlerMethod handler, boolean underSeveral) {
			Set<String> methods = new HashSet<>();
			info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
			return new Entry(info, handler, Set.copyOf(methods), underSeveral);
		}

		boolean allows(String method) {
			// HEAD is answered by GET mappings.
			return this.methods.isEmpty() || this.methods.contains(method)
					|| ("HEAD".equals(method) && this.methods.contains("GET"));
		}

	}

}
