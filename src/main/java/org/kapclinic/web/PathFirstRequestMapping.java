package org.kapclinic.web;

import java.lang.reflect.Method;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.boot.webmvc.autoconfigure.WebMvcRegistrations;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Looks at a request's path before the rest of each mapping's conditions.
 *
 * <p>
 * For a path with a variable ({@code /api/v1/dosing-sessions/{id}/vitals}) Spring MVC
 * tries every one of the application's ~250 mappings in turn, and checks each one's
 * method, params, headers, consumes and produces (CORS pre-flight included) before its
 * path, each check a call through four request wrappers. A profile of the vitals write
 * under load put 47 % of the application's CPU there. Nearly every mapping is rejected by
 * the literal start of its path pattern or by its HTTP method, so those are compared
 * first, as plain strings read once per request: only a mapping that could match gets
 * Spring's full check, unchanged. The answers for requests that match nothing (404, 405,
 * 415) come from Spring's own partial-match pass, which this does not touch. The same
 * finding upstream: spring-framework#22598, #24901.
 */
@Configuration(proxyBeanMethods = false)
class PathFirstRequestMapping {

	@Bean
	WebMvcRegistrations pathFirstMappings() {
		return new WebMvcRegistrations() {
			@Override
			public RequestMappingHandlerMapping getRequestMappingHandlerMapping() {
				return new PathFirstHandlerMapping();
			}
		};
	}

	static class PathFirstHandlerMapping extends RequestMappingHandlerMapping {

		/**
		 * The request being looked up, while it is; null when it cannot be pre-filtered.
		 */
		private static final ThreadLocal<Lookup> LOOKUP = new ThreadLocal<>();

		/**
		 * Each mapping's prefixes and methods, by identity. Replaced, never changed, when
		 * a mapping is registered (at start-up), so lookups read it without a lock.
		 */
		private volatile Map<RequestMappingInfo, Candidate> candidates = new IdentityHashMap<>();

		@Override
		protected void registerHandlerMethod(Object handler, Method method, RequestMappingInfo mapping) {
			super.registerHandlerMethod(handler, method, mapping);
			synchronized (this) {
				Map<RequestMappingInfo, Candidate> next = new IdentityHashMap<>(this.candidates);
				next.put(mapping, Candidate.of(mapping));
				this.candidates = next;
			}
		}

		@Override
		protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			Lookup previous = LOOKUP.get();
			LOOKUP.set(Lookup.of(lookupPath, request.getMethod()));
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				LOOKUP.set(previous);
			}
		}

		@Override
		protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			Lookup lookup = LOOKUP.get();
			if (lookup != null) {
				Candidate candidate = this.candidates.get(info);
				if (candidate != null && !candidate.couldMatch(lookup)) {
					return null;
				}
			}
			return super.getMatchingMapping(info, request);
		}

		/**
		 * The path and method to pre-filter on, or null for a request Spring must judge
		 * alone: patterns match decoded segments without path parameters (a path holding
		 * '%' or ';'), and a pre-flight OPTIONS request is matched on its
		 * Access-Control-Request-Method header.
		 */
		record Lookup(String path, String method) {

			static Lookup of(String path, String method) {
				if (path.indexOf('%') >= 0 || path.indexOf(';') >= 0 || method == null || "OPTIONS".equals(method)) {
					return null;
				}
				return new Lookup(path, method);
			}

		}

		/** What a mapping could match: path prefixes and methods (empty: any). */
		record Candidate(String[] prefixes, Set<String> methods) {

			static Candidate of(RequestMappingInfo info) {
				Set<String> methods = new HashSet<>();
				info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
				return new Candidate(PathFirstHandlerMapping.prefixes(info), Set.copyOf(methods));
			}

			boolean couldMatch(Lookup lookup) {
				if (!this.methods.isEmpty() && !this.methods.contains(lookup.method())
				// HEAD is answered by GET mappings.
						&& !("HEAD".equals(lookup.method()) && this.methods.contains("GET"))) {
					return false;
				}
				return PathFirstHandlerMapping.couldMatch(lookup.path(), this.prefixes);
			}

		}

		private static boolean couldMatch(String path, String[] prefixes) {
			if (prefixes.length == 0) {
				return true;
			}
			for (String prefix : prefixes) {
				if (path.startsWith(prefix)) {
					return true;
				}
			}
			return false;
		}

		/**
		 * Each pattern's literal start, cut back to the last whole segment before its
		 * first wildcard: {@code /api/v1/dosing-sessions/{id}/vitals} gives
		 * {@code /api/v1/dosing-sessions}. Cutting at a segment keeps every path the
		 * pattern can match ({@code /files/{*rest}} matches {@code /files}); a prefix
		 * that lets through a path the pattern refuses only costs the full check.
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

	}

}
