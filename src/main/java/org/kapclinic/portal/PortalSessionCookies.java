package org.kapclinic.portal;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.web.http.CookieHttpSessionIdResolver;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;
import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Two session cookies (issue 21): staff keep theirs (its name and flags from
 * {@code server.servlet.session.cookie.*}); the portal's is {@code KAP_PORTAL}, sent only
 * to {@code /portal}. A staff member and a patient on one computer are two sessions, and
 * neither cookie opens the other's pages.
 */
@Configuration(proxyBeanMethods = false)
class PortalSessionCookies {

	static final String COOKIE = "KAP_PORTAL";

	/**
	 * The staff side as Spring Session would build it. Its presence also keeps Spring
	 * Boot building the staff cookie's serializer from its properties.
	 */
	@Bean
	static CookieHttpSessionIdResolver staffSessionIdResolver() {
		return new CookieHttpSessionIdResolver();
	}

	@Bean
	@Primary
	static HttpSessionIdResolver httpSessionIdResolver(CookieHttpSessionIdResolver staffSessionIdResolver,
			CookieSerializer staffCookie) {
		staffSessionIdResolver.setCookieSerializer(staffCookie);
		return new ByPath(staffSessionIdResolver);
	}

	static boolean portal(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.equals("/portal") || path.startsWith("/portal/");
	}

	/** The portal's cookie under {@code /portal}, the staff cookie everywhere else. */
	static final class ByPath implements HttpSessionIdResolver {

		private final HttpSessionIdResolver staff;

		private final CookieHttpSessionIdResolver portal = new CookieHttpSessionIdResolver();

		ByPath(HttpSessionIdResolver staff) {
			this.staff = staff;
			DefaultCookieSerializer cookie = new DefaultCookieSerializer();
			cookie.setCookieName(COOKIE);
			cookie.setCookiePath("/portal");
			cookie.setSameSite("Lax");
			this.portal.setCookieSerializer(cookie);
		}

		private HttpSessionIdResolver of(HttpServletRequest request) {
			return portal(request) ? this.portal : this.staff;
		}

		@Override
		public List<String> resolveSessionIds(HttpServletRequest request) {
			return of(request).resolveSessionIds(request);
		}

		@Override
		public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
			of(request).setSessionId(request, response, sessionId);
		}

		@Override
		public void expireSession(HttpServletRequest request, HttpServletResponse response) {
			of(request).expireSession(request, response);
		}

	}

}
