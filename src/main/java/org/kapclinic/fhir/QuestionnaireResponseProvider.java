package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.kapclinic.measures.MeasurementQuery;
import org.kapclinic.measures.Measures;
import org.springframework.stereotype.Component;

/**
 * {@code QuestionnaireResponse/{id}} and {@code QuestionnaireResponse?patient=}: the
 * scored administrations the score Observations are derived from, newest first.
 */
@Component
class QuestionnaireResponseProvider implements IResourceProvider {

	private final Measures measures;

	private final QuestionnaireResponses responses;

	private final FhirSettings settings;

	QuestionnaireResponseProvider(Measures measures, QuestionnaireResponses responses, FhirSettings settings) {
		this.measures = measures;
		this.responses = responses;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return QuestionnaireResponse.class;
	}

	@Read
	public QuestionnaireResponse read(@IdParam IdType id) {
		return this.responses.toFhir(this.measures.measurement(FhirIds.uuid(id)));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = QuestionnaireResponse.SP_PATIENT) ReferenceParam patient,
			@Count Integer count, @Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		MeasurementQuery query = new MeasurementQuery(FhirIds.uuid(patient.getIdPart(), patient.getValue()), List.of(),
				null, null, true, from, size + 1);
		return OffsetPage.of(this.measures.search(query).stream().map(this.responses::toFhir).toList(), from, size);
	}

}
