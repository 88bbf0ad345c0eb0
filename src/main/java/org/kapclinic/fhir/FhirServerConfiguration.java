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
	 * Building a FHIR context scans the R4 model classes: once per application
	 * ({@link ServerFhirContext} for what it leaves out).
	 */
	@Bean
	FhirContext fhirContext() {
		return new ServerFhirContext();
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
