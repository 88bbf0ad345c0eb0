package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * HAPI's plain FHIR server over our own modules. No paging provider: every search page is
 * an offset page ({@link OffsetPage}), so a page link works on any instance.
 */
class FhirServer extends RestfulServer {

	private static final long serialVersionUID = 1L;

	/**
	 * @param serverProviders plain providers of server-level interactions (a transaction
	 * Bundle)
	 */
	FhirServer(FhirContext context, List<IResourceProvider> providers, List<Object> serverProviders,
			List<Object> interceptors, FhirSettings settings) {
		super(context);
		setResourceProviders(providers);
		setPlainProviders(serverProviders);
		setDefaultResponseEncoding(EncodingEnum.JSON);
		setDefaultPageSize(settings.defaultPageSize());
		setMaximumPageSize(settings.maxPageSize());
		setServerName("KAP Clinic FHIR API");
		interceptors.forEach(getInterceptorService()::registerInterceptor);
	}

}
