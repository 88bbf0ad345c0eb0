package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Mounts the FHIR server at {@code /fhir}; Spring Security's filters run before it. */
@Configuration(proxyBeanMethods = false)
class FhirServerConfiguration {

	/**
	 * Building a FHIR context scans every R4 model class: once per application. Our
	 * resources name their contained resources themselves ({@code #lot}), so the parser
	 * need not search every resource it writes for references to contain (a tenth of a
	 * search's CPU).
	 */
	@Bean
	FhirContext fhirContext() {
		FhirContext context = FhirContext.forR4Cached();
		context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
		return context;
	}

	@Bean
	ServletRegistrationBean<FhirServer> fhirServlet(FhirContext context, List<IResourceProvider> providers,
			List<FhirPlainProvider> plainProviders, FhirErrors errors, SmartDiscovery discovery, SmartScopes scopes,
			FhirSettings settings) {
		FhirServer server = new FhirServer(context, providers, plainProviders, List.of(errors, discovery, scopes),
				settings);
		ServletRegistrationBean<FhirServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}

}
