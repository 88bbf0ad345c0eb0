package org.kapclinic.fhir;

import java.time.Instant;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;
import org.kapclinic.audit.AuditLog;
import org.springframework.stereotype.Component;

/**
 * {@code AuditEvent/{id}} and {@code AuditEvent?patient=&date=&agent-name=}: the audit
 * trail, read-only, for administrators ({@link AuditLog} enforces it; a backend service
 * needs a scope naming AuditEvent, see {@link SmartScopes#NAMED_ONLY}), newest first. A
 * search names a patient or a date range with a lower bound, so it reads an index rather
 * than the whole trail.
 */
@Component
class AuditEventProvider implements IResourceProvider {

	private final AuditLog log;

	private final AuditEventResources resources;

	private final FhirDates dates;

	private final FhirSettings settings;

	AuditEventProvider(AuditLog log, AuditEventResources resources, FhirDates dates, FhirSettings settings) {
		this.log = log;
		this.resources = resources;
		this.dates = dates;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return AuditEvent.class;
	}

	@Read
	public AuditEvent read(@IdParam IdType id) {
		long position;
		try {
			position = Long.parseLong(id.getIdPart());
		}
		catch (NumberFormatException ex) {
			throw new ResourceNotFoundException("No resource " + id.getValue());
		}
		return this.resources.toFhir(this.log.entry(position));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = AuditEvent.SP_DATE) DateRangeParam date,
			@OptionalParam(name = AuditEvent.SP_AGENT_NAME) StringParam agentName, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		UUID patientId = (patient != null) ? FhirIds.patient(patient) : null;
		Instant lower = this.dates.from(date);
		if (patientId == null && lower == null) {
			throw new InvalidRequestException(
					"AuditEvent searches name a patient or a date with a lower bound" + " (date=ge2026-01-01)");
		}
		String actor = (agentName != null) ? agentName.getValue() : null;
		return OffsetPage.of(this.log.search(patientId, actor, lower, this.dates.before(date), from, size + 1)
			.stream()
			.map(this.resources::toFhir)
			.toList(), from, size);
	}

}
