package org.kapclinic.portal;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions end when access ends (issue 21): on every portal request the signed-in
 * patient's account must still be active (one indexed read), and a guardian's proxy must
 * still stand ({@link GuardianEntitlement}); a session that fails either is ended there
 * and the patient is sent to the sign-in page. Not a servlet filter of its own: only the
 * portal chain runs it.
 */
class PortalSessionCheck extends OncePerRequestFilter {

	private final JdbcClient jdbc;

	private final GuardianEntitlement guardians;

	PortalSessionCheck(JdbcClient jdbc, GuardianEntitlement guardians) {
		this.jdbc = jdbc;
		this.guardians = guardians;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal patient
				&& !active(patient)) {
			SecurityContextHolder.clearContext();
			HttpSession session = request.getSession(false);
			if (session != null) {
				session.invalidate();
			}
			response.sendRedirect(request.getContextPath() + "/portal/login?ended");
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean active(PortalPrincipal patient) {
		return this.jdbc.sql("select count(*) from portal.account where id = ? and status = 'ACTIVE'")
			.param(patient.accountId())
			.query(Long.class)
			.single() > 0 && (!patient.proxy() || this.guardians.holds(patient.patientId(), patient.email()));
	}

}
