package org.kapclinic;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;
import org.springframework.core.annotation.AliasFor;

/**
 * A web slice for one API controller's request/response contract (the
 * {@code *ApiContractTests}): MockMvc without the security filters, since the integration
 * tests walk the same endpoints with roles; without the web-layer components that need
 * other modules' beans (identity's session and token filters, the tasks badge, the
 * chart's tab bar) or the request size filter; with the API's exception handler, so a
 * refusal is the problem a client sees. The controller's own collaborators are
 * {@code @MockitoBean}s of the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@WebMvcTest(excludeFilters = @ComponentScan.Filter(type = FilterType.REGEX,
		pattern = { "org\\.kapclinic\\.identity\\..*", "org\\.kapclinic\\.tasks\\.UrgentTaskBadge",
				"org\\.kapclinic\\.patient\\.ChartTabBar", "org\\.kapclinic\\.web\\.RequestSizeLimit" }))
@AutoConfigureMockMvc(addFilters = false)
public @interface ApiContractTest {

	/** The controller under test. */
	@AliasFor(annotation = WebMvcTest.class, attribute = "controllers")
	Class<?>[] value();

}
