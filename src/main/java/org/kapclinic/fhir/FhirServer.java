package org.kapclinic.fhir;

import java.io.IOException;
import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

/**
 * HAPI's plain FHIR server over our own modules. No paging provider: every search page is
 * an offset page ({@link OffsetPage}), so a page link works on any instance.
 */
class FhirServer extends RestfulServer {

	private static final long serialVersionUID = 1L;

	FhirServer(FhirContext context, List<IResourceProvider> providers, List<FhirPlainProvider> plainProviders,
			List<Object> interceptors, FhirSettings settings) {
		super(context);
		setResourceProviders(providers);
		registerProviders(List.copyOf(plainProviders));
		setDefaultResponseEncoding(EncodingEnum.JSON);
		setDefaultPageSize(settings.defaultPageSize());
		setMaximumPageSize(settings.maxPageSize());
		setServerName("KAP Clinic FHIR API");
		interceptors.forEach(getInterceptorService()::registerInterceptor);
	}

	/** See {@link UnflushedResponse}: one write of a response, not one per JSON value. */
	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response)
			throws ServletException, IOException {
		UnflushedResponse unflushed = new UnflushedResponse(response);
		try {
			super.service(request, unflushed);
		}
		finally {
			unflushed.finish();
		}
	}

	/**
	 * The request's id is the one {@code web.RequestIds} gave it (in the log and the
	 * {@code X-Request-Id} header), not a second random one of HAPI's.
	 */
	@Override
	protected String getOrCreateRequestId(HttpServletRequest request) {
		String id = MDC.get("requestId");
		return (id != null) ? id : super.getOrCreateRequestId(request);
	}

	/**
	 * Nothing to add: {@code web.RequestIds} answers every request's id already. (HAPI's
	 * own version walks every request header to look for one, on every request.)
	 */
	@Override
	protected void addRequestIdToResponse(ServletRequestDetails details, String requestId) {
	}

}
