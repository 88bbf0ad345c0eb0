package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.annotation.Sort;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.kapclinic.measures.MeasurementQuery;
import org.kapclinic.measures.Measures;
import org.springframework.stereotype.Component;

/**
 * {@code Observation?patient=&code=&category=&date=&_sort=&_count=}: instrument totals
 * (category {@code survey}) of one patient whose clinical records the caller may see.
 */
@Component
class ObservationProvider implements IResourceProvider {

	private final Measures measures;

	private final ObservationResources resources;

	private final InstrumentCodes codes;

	private final FhirSettings settings;

	private final FhirDates dates;

	ObservationProvider(Measures measures, ObservationResources resources, InstrumentCodes codes, FhirSettings settings,
			FhirDates dates) {
		this.dates = dates;
		this.measures = measures;
		this.resources = resources;
		this.codes = codes;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Observation.class;
	}

	@Read
	public Observation read(@IdParam IdType id) {
		return this.resources.toFhir(this.measures.measurement(FhirIds.uuid(id)));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
			@OptionalParam(name = Observation.SP_CATEGORY) TokenParam category,
			@OptionalParam(name = Observation.SP_DATE) DateRangeParam date, @Sort SortSpec sort, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		UUID patientId = patient(patient);
		List<String> instruments = instruments(code);
		if ((code != null && instruments.isEmpty()) || !survey(category)) {
			return OffsetPage.of(List.of(), from, size);
		}
		MeasurementQuery query = new MeasurementQuery(patientId, instruments, this.dates.from(date),
				this.dates.before(date), newestFirst(sort), from, size + 1);
		return OffsetPage.of(this.measures.search(query).stream().map(this.resources::toFhir).toList(), from, size);
	}

	private static UUID patient(ReferenceParam patient) {
		if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
			throw new InvalidRequestException("patient must reference a Patient");
		}
		return FhirIds.uuid(patient.getIdPart(), patient.getValue());
	}

	private List<String> instruments(TokenOrListParam code) {
		List<String> instruments = new ArrayList<>();
		if (code != null) {
			for (TokenParam token : code.getValuesAsQueryTokens()) {
				this.codes.instrument(token.getSystem(), token.getValue()).ifPresent(instruments::add);
			}
		}
		return instruments;
	}

	/** Scores are the only Observations so far: another category finds none. */
	private static boolean survey(TokenParam category) {
		if (category == null) {
			return true;
		}
		boolean system = category.getSystem() == null || category.getSystem().isEmpty()
				|| ObservationResources.CATEGORY_SYSTEM.equals(category.getSystem());
		return system && ObservationResources.SURVEY.equals(category.getValue());
	}

	/** Newest first unless the client sorts by ascending date. */
	private static boolean newestFirst(SortSpec sort) {
		if (sort == null) {
			return true;
		}
		if (!Observation.SP_DATE.equals(sort.getParamName())) {
			throw new InvalidRequestException("Observations sort by date only (_sort=date or _sort=-date)");
		}
		return sort.getOrder() == SortOrderEnum.DESC;
	}

}
