package org.kapclinic.fhir;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.Create;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.ResourceParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.kapclinic.patient.ExternalIdentifier;
import org.kapclinic.patient.PatientCriteria;
import org.kapclinic.patient.Patients;
import org.kapclinic.patient.RegisteredPatient;
import org.kapclinic.shared.ClinicTime;
import org.springframework.stereotype.Component;

/**
 * {@code Patient/{id}} and {@code Patient?name=&family=&given=&birthdate=&identifier=}:
 * the patients the caller may see, as the chart shows them (a therapist's token finds
 * only their care teams' patients); {@code POST Patient} registers a referral.
 */
@Component
class PatientProvider implements IResourceProvider {

	private final Patients patients;

	private final PatientResources resources;

	private final FhirSettings settings;

	private final FhirDates dates;

	private final PatientEverything everything;

	private final ClinicTime clinicTime;

	private final PatientReferrals referrals;

	private final PatientObservations observations;

	PatientProvider(Patients patients, PatientResources resources, FhirSettings settings, FhirDates dates,
			ClinicTime clinicTime, PatientEverything everything, PatientReferrals referrals,
			PatientObservations observations) {
		this.observations = observations;
		this.referrals = referrals;
		this.everything = everything;
		this.dates = dates;
		this.clinicTime = clinicTime;
		this.patients = patients;
		this.resources = resources;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Patient.class;
	}

	@Read
	public Patient read(@IdParam IdType id) {
		return this.resources.toFhir(this.patients.registration(FhirIds.uuid(id)));
	}

	/**
	 * A referral from another system ({@link PatientReferrals}): 201 with
	 * {@code Location: Patient/{id}/_history/{version}}; with {@code If-None-Exist}
	 * naming a patient already here, 200 and that patient (nothing registered); a likely
	 * duplicate is 409 with an OperationOutcome naming it.
	 */
	@Create
	public MethodOutcome create(@ResourceParam Patient patient, RequestDetails request) {
		PatientReferrals.Outcome outcome = this.referrals.create(patient,
				request.getHeader(Constants.HEADER_IF_NONE_EXIST), "", Map.of());
		RegisteredPatient registered = outcome.patient();
		MethodOutcome answer = new MethodOutcome(
				new IdType("Patient", registered.id().toString(), Long.toString(registered.version())),
				outcome.created())
			.setResource(this.resources.toFhir(registered));
		if (!outcome.created()) {
			answer.setResponseStatusCode(200);
		}
		return answer;
	}

	/**
	 * The patient's whole record held here, one page at a time
	 * ({@link PatientEverything}).
	 */
	@Operation(name = "$everything", idempotent = true)
	public IBundleProvider everything(@IdParam IdType id, @Count Integer count, @Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		return OffsetPage.of(this.everything.page(FhirIds.uuid(id), from, size + 1), from, size);
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Patient.SP_NAME) StringParam name,
			@OptionalParam(name = Patient.SP_FAMILY) StringParam family,
			@OptionalParam(name = Patient.SP_GIVEN) StringParam given,
			@OptionalParam(name = Patient.SP_BIRTHDATE) DateRangeParam birthDate,
			@OptionalParam(name = Patient.SP_IDENTIFIER) TokenParam identifier, @Count Integer count,
			@Offset Integer offset,
			@IncludeParam(reverse = true, allow = ObservationProvider.INCLUDE_PATIENT) Set<Include> revIncludes) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		PatientCriteria criteria = new PatientCriteria(text(name), text(family), text(given), day(birthDate, true),
				day(birthDate, false), ours(identifier) ? identifier.getValue() : null, theirs(identifier));
		List<RegisteredPatient> found = this.patients.search(criteria, from, size + 1);
		OffsetPage page = OffsetPage.of(found.stream().map(this.resources::toFhir).toList(), from, size);
		if (!Included.asked(revIncludes, ObservationProvider.INCLUDE_PATIENT)) {
			return page;
		}
		return page.withIncluded(found.stream().limit(size).flatMap((p) -> observations(p.id()).stream()).toList());
	}

	/**
	 * A listed patient's Observations for {@code _revinclude=Observation:patient}; none
	 * when the caller may see the chart but not its clinical records (the desk, billing),
	 * as a search for them would refuse.
	 */
	private List<org.hl7.fhir.r4.model.Observation> observations(java.util.UUID patientId) {
		try {
			return this.observations.all(patientId);
		}
		catch (org.kapclinic.shared.NotFoundException | org.springframework.security.access.AccessDeniedException ex) {
			return List.of();
		}
	}

	private static String text(StringParam param) {
		if (param == null) {
			return null;
		}
		if (param.isExact() || param.isContains()) {
			throw new InvalidRequestException("Only the default (starts-with) string search is supported");
		}
		return param.getValue();
	}

	/**
	 * A birth date's bounds in whole days (a birth date has no time, so the clinic's day
	 * is the day written).
	 */
	private LocalDate day(DateRangeParam range, boolean lower) {
		java.time.Instant bound = lower ? this.dates.from(range) : this.dates.before(range);
		if (bound == null) {
			return null;
		}
		LocalDate day = this.clinicTime.date(bound);
		return lower ? day : day.minusDays(1);
	}

	/** Our MRN: our system, or a value without one. */
	private boolean ours(TokenParam identifier) {
		if (identifier == null) {
			return false;
		}
		String system = identifier.getSystem();
		return system == null || system.isEmpty() || system.equals(this.settings.mrnSystem());
	}

	/** Another system's identifier, kept from a referral. */
	private ExternalIdentifier theirs(TokenParam identifier) {
		return (identifier == null || ours(identifier)) ? null
				: new ExternalIdentifier(identifier.getSystem(), identifier.getValue());
	}

}
