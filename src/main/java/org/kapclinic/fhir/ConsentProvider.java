package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.IdType;
import org.kapclinic.intake.SignedConsents;
import org.springframework.stereotype.Component;

/**
 * {@code Consent/{id}} and {@code Consent?patient=&status=}: the patient's signed consent
 * documents (program consents, telehealth, releases of information, a minor's guardian
 * consent and assent), oldest first, withdrawn ones as {@code inactive}; read through the
 * intake module under the chart's clinical access rule and audited there.
 */
@Component
class ConsentProvider implements IResourceProvider {

	private final SignedConsents consents;

	private final FhirSettings settings;

	ConsentProvider(SignedConsents consents, FhirSettings settings) {
		this.consents = consents;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Consent.class;
	}

	@Read
	public Consent read(@IdParam IdType id) {
		return ConsentResources.toFhir(this.consents.read(FhirIds.uuid(id)));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = Consent.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = Consent.SP_STATUS) TokenOrListParam status, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		List<Consent> matching = this.consents.ofPatient(FhirIds.patient(patient))
			.stream()
			.map(ConsentResources::toFhir)
			.filter((c) -> status == null || status.getValuesAsQueryTokens()
				.stream()
				.anyMatch((token) -> c.getStatus().toCode().equals(token.getValue())))
			.toList();
		return OffsetPage.of(
				matching.subList(Math.min(from, matching.size()), Math.min(from + size + 1, matching.size())), from,
				size);
	}

}
