package org.kapclinic.fhir;

import java.util.List;
import java.util.Set;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
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
import org.kapclinic.measures.Measurement;
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

	private final ReceivedAnswers answers;

	private final ObservationResources observations;

	QuestionnaireResponseProvider(Measures measures, QuestionnaireResponses responses, FhirSettings settings,
			ReceivedAnswers answers, ObservationResources observations) {
		this.observations = observations;
		this.answers = answers;
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

	/**
	 * Another system's answers to one of our instruments (a clinical staff token, or a
	 * client with {@code system/QuestionnaireResponse.c}): scored through the chart's own
	 * path, so a risk answer raises its flag and the care team's urgent task. The score
	 * is {@code Observation/{id}} of the id returned.
	 */
	@Create
	public MethodOutcome create(@ResourceParam QuestionnaireResponse response) {
		Measurement measurement = this.measures.recordAnswers(this.answers.patient(response),
				this.answers.instrument(response), this.answers.answers(response), this.answers.authored(response));
		return new MethodOutcome(new IdType("QuestionnaireResponse", measurement.id().toString()), true)
			.setResource(this.responses.toFhir(measurement));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = QuestionnaireResponse.SP_PATIENT) ReferenceParam patient,
			@Count Integer count, @Offset Integer offset,
			@IncludeParam(reverse = true, allow = ObservationProvider.INCLUDE_DERIVED_FROM) Set<Include> revIncludes) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		MeasurementQuery query = new MeasurementQuery(FhirIds.uuid(patient.getIdPart(), patient.getValue()), List.of(),
				null, null, true, from, size + 1);
		List<Measurement> found = this.measures.search(query);
		OffsetPage page = OffsetPage.of(found.stream().map(this.responses::toFhir).toList(), from, size);
		if (!Included.asked(revIncludes, ObservationProvider.INCLUDE_DERIVED_FROM)) {
			return page;
		}
		// Each score's Observation is derived from the response of the same
		// administration.
		return page.withIncluded(found.stream().limit(size).map(this.observations::toFhir).toList());
	}

}
