package org.kapclinic.patient;

import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kapclinic.identity.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the chart's tabs on every page of a patient's chart ({@code chartTabs}), so the
 * overview and each tab's page share one tab bar (issue 14 item 8). Clinical tabs only
 * for a user who may see the patient's clinical record.
 */
@Configuration(proxyBeanMethods = false)
class ChartTabBar implements WebMvcConfigurer, HandlerInterceptor {

	private final List<ChartTab> tabs;

	private final CareTeamAccess access;

	private final CurrentUser currentUser;

	private static final java.time.format.DateTimeFormatter UNTIL = java.time.format.DateTimeFormatter
		.ofPattern("HH:mm");

	private final BreakGlass breakGlass;

	private final java.time.Clock clock;

	ChartTabBar(List<ChartTab> tabs, CareTeamAccess access, CurrentUser currentUser, BreakGlass breakGlass,
			java.time.Clock clock) {
		this.breakGlass = breakGlass;
		this.clock = clock;
		this.tabs = tabs.stream().sorted(Comparator.comparingInt(ChartTab::order)).toList();
		this.access = access;
		this.currentUser = currentUser;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns("/patients/*/**", "/patients/*");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		Object patient = view.getModel().get("patient");
		java.util.UUID id = (patient instanceof PatientSummary summary) ? summary.id()
				: (patient instanceof PatientView full) ? full.id() : null;
		if (id == null) {
			return;
		}
		java.util.Optional<org.kapclinic.identity.StaffMember> user = this.currentUser.find();
		boolean clinical = user.map((member) -> this.access.canSeeClinical(member, id)).orElse(false);
		// The banner on every page of a chart opened with break-glass, while it lasts
		// (only nurses and therapists ever need one: the others see every chart).
		user.filter((member) -> member.has(org.kapclinic.identity.Role.NURSE)
				|| member.has(org.kapclinic.identity.Role.THERAPIST))
			.flatMap((member) -> this.breakGlass.active(member.id(), id))
			.ifPresent((grant) -> view.addObject("breakGlassUntil",
					UNTIL.format(grant.expiresAt().atZone(this.clock.getZone()))));
		view.addObject("chartPatientId", id);
		view.addObject("chartTabs", this.tabs.stream().filter((tab) -> clinical || !tab.clinical()).toList());
	}

}
