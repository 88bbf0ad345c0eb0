package org.kapclinic.tasks;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.kapclinic.identity.CurrentUser;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the signed-in user's urgent-task count on every staff page that renders a view
 * (the navigation badge), so a suicide-risk review is seen from wherever the clinician is
 * working. An interceptor rather than a {@code @ModelAttribute}: it costs nothing on API
 * calls and redirects, which render no page.
 */
@Configuration(proxyBeanMethods = false)
class UrgentTaskBadge implements WebMvcConfigurer, HandlerInterceptor {

	private final CareTasks tasks;

	private final CurrentUser currentUser;

	UrgentTaskBadge(CareTasks tasks, CurrentUser currentUser) {
		this.tasks = tasks;
		this.currentUser = currentUser;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/webjars/**", "/assets/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view == null || (view.getViewName() != null && view.getViewName().startsWith("redirect:"))) {
			return;
		}
		this.currentUser.find().ifPresent((user) -> view.addObject("urgentTasks", this.tasks.urgentCount(user)));
	}

}
