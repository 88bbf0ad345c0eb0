package org.kapclinic.fhir;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.dosing.DosingSession;
import org.kapclinic.dosing.DrugsGiven;
import org.kapclinic.dosing.SessionReads;
import org.springframework.stereotype.Component;

/**
 * {@code Encounter/{id}} and {@code Encounter?patient=&date=}: dosing sessions as US Core
 * Encounters (ambulatory), newest first; the period runs from check-in to discharge. A
 * session that ended early before any dose is {@code cancelled}.
 */
@Component
class EncounterProvider implements IResourceProvider {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-encounter";

	private final SessionReads sessions;

	private final FhirDates dates;

	private final FhirSettings settings;

	private final DrugsGiven drugs;

	private final MedicationAdministrationProvider administrations;

	EncounterProvider(SessionReads sessions, FhirDates dates, FhirSettings settings, DrugsGiven drugs,
			MedicationAdministrationProvider administrations) {
		this.drugs = drugs;
		this.administrations = administrations;
		this.sessions = sessions;
		this.dates = dates;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Encounter.class;
	}

	@Read
	public Encounter read(@IdParam IdType id) {
		return toFhir(this.sessions.session(FhirIds.uuid(id)));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = Encounter.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = Encounter.SP_DATE) DateRangeParam date, @Count Integer count, @Offset Integer offset,
			@IncludeParam(reverse = true,
					allow = MedicationAdministrationProvider.INCLUDE_CONTEXT) Set<Include> revIncludes) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		Instant lower = this.dates.from(date);
		Instant before = this.dates.before(date);
		UUID patientId = FhirIds.uuid(patient.getIdPart(), patient.getValue());
		List<DosingSession> matching = this.sessions.forPatient(patientId)
			.stream()
			.filter((s) -> lower == null || s.closedAt() == null || !s.closedAt().isBefore(lower))
			.filter((s) -> before == null || s.checkedInAt().isBefore(before))
			.toList();
		List<Encounter> page = matching
			.subList(Math.min(from, matching.size()), Math.min(from + size + 1, matching.size()))
			.stream()
			.map(EncounterProvider::toFhir)
			.toList();
		OffsetPage result = OffsetPage.of(page, from, size);
		if (!Included.asked(revIncludes, MedicationAdministrationProvider.INCLUDE_CONTEXT)) {
			return result;
		}
		// What was given in the page's sessions: the patient's administrations, once.
		Set<String> shown = page.stream().limit(size).map(Encounter::getIdPart).collect(Collectors.toSet());
		return result.withIncluded(this.drugs.search(patientId, null, null, 0, Integer.MAX_VALUE)
			.stream()
			.filter((given) -> shown.contains(given.sessionId().toString()))
			.map(this.administrations::toFhir)
			.toList());
	}

	static Encounter toFhir(DosingSession s) {
		Encounter encounter = new Encounter();
		encounter.setId(s.id().toString());
		encounter.getMeta().addProfile(PROFILE);
		encounter
			.setStatus(!s.ended() ? Encounter.EncounterStatus.INPROGRESS : (s.endedEarly() && s.firstDoseAt() == null)
					? Encounter.EncounterStatus.CANCELLED : Encounter.EncounterStatus.FINISHED);
		encounter.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "AMB", "ambulatory"));
		encounter.addType().setText("Dosing session (" + s.protocol() + ", " + s.route() + "): " + s.stateLabel());
		encounter.setSubject(new Reference("Patient/" + s.patientId()));
		encounter.getPeriod().setStart(Date.from(s.checkedInAt()));
		if (s.closedAt() != null) {
			encounter.getPeriod().setEnd(Date.from(s.closedAt()));
		}
		return encounter;
	}

}
