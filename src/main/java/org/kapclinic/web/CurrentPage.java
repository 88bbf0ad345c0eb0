package org.kapclinic.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Puts the requested path on every rendered page as {@code currentPath}, so the menu can
 * mark where the user is (Thymeleaf 3.1 no longer exposes the request to templates).
 */
@Configuration(proxyBeanMethods = false)
class CurrentPage implements WebMvcConfigurer, HandlerInterceptor {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).excludePathPatterns("/api/**", "/webjars/**", "/assets/**");
	}

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView view) {
		if (view != null && (view.getViewName() == null || !view.getViewName().startsWith("redirect:"))) {
			view.addObject("currentPath", request.getRequestURI().substring(request.getContextPath().length()));
		}
	}

}
