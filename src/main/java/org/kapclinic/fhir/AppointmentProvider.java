package org.kapclinic.fhir;

import java.time.Instant;
import java.util.List;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
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
import org.hl7.fhir.r4.model.Appointment;
import org.hl7.fhir.r4.model.IdType;
import org.kapclinic.scheduling.Appointments;
import org.springframework.stereotype.Component;

/**
 * {@code Appointment/{id}} and {@code Appointment?patient=&date=} (date: the start, FHIR
 * R4 Appointment search parameter {@code date}), newest first, read through the
 * scheduling module under the chart's care-team rule and audited there.
 */
@Component
class AppointmentProvider implements IResourceProvider {

	private final Appointments appointments;

	private final AppointmentResources resources;

	private final FhirDates dates;

	private final FhirSettings settings;

	AppointmentProvider(Appointments appointments, AppointmentResources resources, FhirDates dates,
			FhirSettings settings) {
		this.appointments = appointments;
		this.resources = resources;
		this.dates = dates;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Appointment.class;
	}

	@Read
	public Appointment read(@IdParam IdType id) {
		return this.resources.toFhir(List.of(this.appointments.read(FhirIds.uuid(id)))).get(0);
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = Appointment.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = Appointment.SP_DATE) DateRangeParam date, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		Instant lower = this.dates.from(date);
		Instant before = this.dates.before(date);
		List<org.kapclinic.scheduling.Appointment> matching = this.appointments
			.forPatient(FhirIds.uuid(patient.getIdPart(), patient.getValue()))
			.stream()
			.filter((a) -> lower == null || !a.start().isBefore(lower))
			.filter((a) -> before == null || a.start().isBefore(before))
			.toList();
		return OffsetPage.of(
				this.resources.toFhir(
						matching.subList(Math.min(from, matching.size()), Math.min(from + size + 1, matching.size()))),
				from, size);
	}

}
