package org.kapclinic.web;

import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

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
 * the literal start of its path pattern, so that is compared first, as a plain string:
 * only a mapping that could match gets Spring's full check, unchanged. The answers for
 * requests that match nothing (404, 405, 415) come from Spring's own partial-match pass,
 * which this does not touch. The same finding upstream: spring-framework#22598, #24901.
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

		/** The path being looked up, while it is; null when it cannot be pre-filtered. */
		private static final ThreadLocal<String> LOOKUP_PATH = new ThreadLocal<>();

		private final Map<RequestMappingInfo, String[]> prefixes = new ConcurrentHashMap<>();

		@Override
		protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			String previous = LOOKUP_PATH.get();
			// Patterns match decoded segments without path parameters: a path holding
			// either is left to Spring alone.
			LOOKUP_PATH.set((lookupPath.indexOf('%') < 0 && lookupPath.indexOf(';') < 0) ? lookupPath : null);
			try {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			finally {
				LOOKUP_PATH.set(previous);
			}
		}

		@Override
		protected RequestMappingInfo getMatchingMapping(RequestMappingInfo info, HttpServletRequest request) {
			String path = LOOKUP_PATH.get();
			if (path != null
					&& !couldMatch(path, this.prefixes.computeIfAbsent(info, PathFirstHandlerMapping::prefixes))) {
				return null;
			}
			return super.getMatchingMapping(info, request);
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
