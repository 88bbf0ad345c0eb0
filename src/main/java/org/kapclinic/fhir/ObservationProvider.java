package org.kapclinic.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
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
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.kapclinic.dosing.RecordedVitals;
import org.kapclinic.dosing.VitalSigns;
import org.kapclinic.measures.Measurement;
import org.kapclinic.measures.MeasurementQuery;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.MeasuredBody;
import org.kapclinic.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * {@code Observation?patient=&code=&category=&date=&_sort=&_count=}: instrument totals
 * (category {@code survey}) and vital signs ({@code vital-signs}: a dosing session's, and
 * the chart's body weight and height) of one patient whose clinical records the caller
 * may see.
 */
@Component
class ObservationProvider implements IResourceProvider {

	static final String INCLUDE_PATIENT = "Observation:patient";

	static final String INCLUDE_DERIVED_FROM = "Observation:derived-from";

	private final PatientResources patientResources;

	private final QuestionnaireResponses responses;

	private final Measures measures;

	private final ObservationResources resources;

	private final InstrumentCodes codes;

	private final FhirSettings settings;

	private final FhirDates dates;

	private final VitalSigns vitals;

	private final VitalsResources vitalsResources;

	private final Patients patients;

	ObservationProvider(Measures measures, ObservationResources resources, InstrumentCodes codes, FhirSettings settings,
			FhirDates dates, VitalSigns vitals, VitalsResources vitalsResources, Patients patients,
			PatientResources patientResources, QuestionnaireResponses responses) {
		this.patientResources = patientResources;
		this.responses = responses;
		this.patients = patients;
		this.vitals = vitals;
		this.vitalsResources = vitalsResources;
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
		String idPart = id.getIdPart();
		for (VitalsResources.Sign sign : VitalsResources.Sign.values()) {
			if (idPart != null && idPart.endsWith("-" + sign.suffix)) {
				UUID setId = FhirIds.uuid(idPart.substring(0, idPart.length() - sign.suffix.length() - 1), id);
				List<Observation> found = sign.body
						? this.vitalsResources.toFhir(this.patients.bodyMeasurement(setId), EnumSet.of(sign))
						: this.vitalsResources.toFhir(this.vitals.find(setId), EnumSet.of(sign));
				return found.stream().findFirst().orElseThrow(() -> new ResourceNotFoundException("No resource " + id));
			}
		}
		return this.resources.toFhir(this.measures.measurement(FhirIds.uuid(id)));
	}

	/**
	 * Scores and vital signs, each source read up to the end of the page and merged by
	 * time (a page deep in the results reads the pages before it; clients page forward
	 * from recent data).
	 */
	@Search
	public IBundleProvider search(@RequiredParam(name = Observation.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = Observation.SP_CODE) TokenOrListParam code,
			@OptionalParam(name = Observation.SP_CATEGORY) TokenOrListParam category,
			@OptionalParam(name = Observation.SP_DATE) DateRangeParam date, @Sort SortSpec sort, @Count Integer count,
			@Offset Integer offset,
			@IncludeParam(allow = { INCLUDE_PATIENT, INCLUDE_DERIVED_FROM }) Set<Include> includes) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		int window = from + size + 1;
		UUID patientId = patient(patient);
		boolean newestFirst = newestFirst(sort);
		Wanted wanted = Wanted.of(code, category, this.codes);
		Instant lower = this.dates.from(date);
		Instant before = this.dates.before(date);
		List<Observation> found = new ArrayList<>();
		Map<String, Measurement> scored = new HashMap<>();
		if (wanted.scores()) {
			MeasurementQuery query = new MeasurementQuery(patientId, wanted.instruments(), lower, before, newestFirst,
					0, window);
			this.measures.search(query).forEach((m) -> {
				found.add(this.resources.toFhir(m));
				scored.put(m.id().toString(), m);
			});
		}
		if (VitalsResources.Sign.anyOf(wanted.signs(), false)) {
			for (RecordedVitals set : this.vitals.search(patientId, lower, before, newestFirst, 0, window)) {
				found.addAll(this.vitalsResources.toFhir(set, wanted.signs()));
			}
		}
		if (VitalsResources.Sign.anyOf(wanted.signs(), true)) {
			for (MeasuredBody measured : this.patients.bodyMeasurements(patientId, lower, before)) {
				found.addAll(this.vitalsResources.toFhir(measured, wanted.signs()));
			}
		}
		Comparator<Observation> byTime = Comparator
			.comparing((Observation o) -> o.getEffectiveDateTimeType().getValue())
			.thenComparing((Observation o) -> o.getIdPart());
		found.sort(newestFirst ? byTime.reversed() : byTime);
		List<Observation> page = found.subList(Math.min(from, found.size()), Math.min(window, found.size()));
		return OffsetPage.of(page, from, size)
			.withIncluded(included(includes, patientId, page.subList(0, Math.min(size, page.size())), scored));
	}

	/**
	 * {@code Observation:patient} (the one patient searched, read as {@code Patient/{id}}
	 * is) and {@code Observation:derived-from} (the QuestionnaireResponse of each score
	 * on the page, from the same scored administration).
	 */
	private List<IBaseResource> included(Set<Include> includes, UUID patientId, List<Observation> page,
			Map<String, Measurement> scored) {
		List<IBaseResource> included = new ArrayList<>();
		if (Included.asked(includes, INCLUDE_PATIENT) && !page.isEmpty()) {
			included.add(this.patientResources.toFhir(this.patients.registration(patientId)));
		}
		if (Included.asked(includes, INCLUDE_DERIVED_FROM)) {
			page.stream()
				.map((o) -> scored.get(o.getIdPart()))
				.filter(java.util.Objects::nonNull)
				.forEach((m) -> included.add(this.responses.toFhir(m)));
		}
		return included;
	}

	private static UUID patient(ReferenceParam patient) {
		if (patient.getResourceType() != null && !"Patient".equals(patient.getResourceType())) {
			throw new InvalidRequestException("patient must reference a Patient");
		}
		return FhirIds.uuid(patient.getIdPart(), patient.getValue());
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
