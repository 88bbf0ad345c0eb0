package org.kapclinic.web;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

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
 * the literal start of its path pattern or by its HTTP method, so the mappings are
 * indexed by those ({@link MappingIndex}) and a request is checked only against the few
 * that could match it, with Spring's full check, unchanged. (Filtering each of the ~450
 * mappings in turn, as a first version did, still cost 39 % of the vitals write's CPU
 * once there were that many: walking them was the cost.) The answers for requests that
 * match nothing (404, 405, 415) come from Spring's own partial-match pass, which this
 * does not touch. The same finding upstream: spring-framework#22598, #24901.
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
		 * The mappings by the literal start of their paths; null before they are all
		 * registered and after one is added or removed at run time (then Spring looks
		 * alone).
		 */
		private volatile MappingIndex index;

		@Override
		protected void handlerMethodsInitialized(Map<RequestMappingInfo, HandlerMethod> handlerMethods) {
			super.handlerMethodsInitialized(handlerMethods);
			this.index = MappingIndex.of(handlerMethods, this::getDirectPaths);
		}

		@Override
		public void registerMapping(RequestMappingInfo mapping, Object handler, Method method) {
			this.index = null;
			super.registerMapping(mapping, handler, method);
		}

		@Override
		public void unregisterMapping(RequestMappingInfo mapping) {
			this.index = null;
			super.unregisterMapping(mapping);
		}

		/**
		 * Spring's lookup (exact paths first, then every mapping; the most specific match
		 * wins) over the index's candidates only. A request the candidates do not answer,
		 * or answer ambiguously, is looked up by Spring alone, whose no-match pass gives
		 * the 404, 405 and 415 and whose ambiguity error names both handlers.
		 */
		@Override
		protected HandlerMethod lookupHandlerMethod(String lookupPath, HttpServletRequest request) throws Exception {
			MappingIndex index = this.index;
			String method = request.getMethod();
			if (index == null || !indexable(lookupPath, method)) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			List<Match> matches = matches(index.direct(lookupPath, method), request);
			if (matches.isEmpty()) {
				matches = matches(index.candidates(lookupPath, method), request);
			}
			if (matches.isEmpty()) {
				return super.lookupHandlerMethod(lookupPath, request);
			}
			Match best = matches.get(0);
			if (matches.size() > 1) {
				Comparator<RequestMappingInfo> comparator = getMappingComparator(request);
				matches.sort((a, b) -> comparator.compare(a.info(), b.info()));
				best = matches.get(0);
				if (comparator.compare(best.info(), matches.get(1).info()) == 0) {
					return super.lookupHandlerMethod(lookupPath, request);
				}
			}
			request.setAttribute(BEST_MATCHING_HANDLER_ATTRIBUTE, best.handler());
			handleMatch(best.info(), lookupPath, request);
			return best.handler();
		}

		/** Whether lookups go through the index (false: Spring looks alone). */
		boolean indexed() {
			return this.index != null;
		}

		/** Spring's own lookup over every mapping, for tests to compare with. */
		HandlerMethod lookupAsSpringDoes(String lookupPath, HttpServletRequest request) throws Exception {
			return super.lookupHandlerMethod(lookupPath, request);
		}

		private List<Match> matches(List<MappingIndex.Entry> candidates, HttpServletRequest request) {
			List<Match> matches = new ArrayList<>(2);
			for (MappingIndex.Entry candidate : candidates) {
				RequestMappingInfo match = getMatchingMapping(candidate.info(), request);
				if (match != null) {
					matches.add(new Match(match, candidate.handler()));
				}
			}
			return matches;
		}

		/**
		 * Whether the index may answer: patterns match decoded segments without path
		 * parameters (a path holding '%' or ';' is Spring's alone), and a pre-flight
		 * OPTIONS request is matched on its Access-Control-Request-Method header.
		 */
		static boolean indexable(String path, String method) {
			return path.indexOf('%') < 0 && path.indexOf(';') < 0 && method != null && !"OPTIONS".equals(method);
		}

		/** A mapping that matched (its matching conditions) and its handler. */
		private record Match(RequestMappingInfo info, HandlerMethod handler) {
		}

	}

}
