package org.kapclinic.fhir;

import java.util.Date;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentNetworkType;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.audit.AuditEntry;
import org.springframework.stereotype.Component;

/**
 * An audit-trail entry as a FHIR R4 AuditEvent (https://hl7.org/fhir/R4/auditevent.html):
 * the event type from DICOM's audit event ids (DCM 110110 Patient Record for what was
 * done to a chart, 110112 Query, 110106 Export, 110114 User Authentication, 110113
 * Security Alert, 110100 Application Activity), the action C/R/U/D/E, the outcome (0
 * success, 4 refused by an access rule, 8 failed), the actor as the requesting agent with
 * the address the request came from, KAP Clinic as the observer, and as entities the
 * patient(s) concerned (role 1 Patient) and the record touched (role 4 Domain Resource).
 */
@Component
class AuditEventResources {

	static final String DCM = "http://dicom.nema.org/resources/ontology/DCM";

	static final String ENTITY_TYPE = "http://terminology.hl7.org/CodeSystem/audit-entity-type";

	static final String OBJECT_ROLE = "http://terminology.hl7.org/CodeSystem/object-role";

	static final String SOURCE_TYPE = "http://terminology.hl7.org/CodeSystem/security-source-type";

	private final FhirSettings settings;

	AuditEventResources(FhirSettings settings) {
		this.settings = settings;
	}

	AuditEvent toFhir(AuditEntry entry) {
		AuditEvent event = new AuditEvent();
		event.setId(Long.toString(entry.id()));
		event.setType(type(entry.action()));
		if ("LOGIN".equals(entry.action()) || "LOGIN_FAILED".equals(entry.action())) {
			event.addSubtype(new Coding(DCM, "110122", "Login"));
		}
		else if ("LOGOUT".equals(entry.action())) {
			event.addSubtype(new Coding(DCM, "110123", "Logout"));
		}
		event.setAction(action(entry.action()));
		event.setRecorded(Date.from(entry.occurredAt()));
		event.setOutcome(outcome(entry.outcome()));
		if (entry.detail() != null && !"SUCCESS".equals(entry.outcome())) {
			event.setOutcomeDesc(entry.detail());
		}
		AuditEvent.AuditEventAgentComponent agent = event.addAgent().setRequestor(true);
		Reference who = new Reference().setDisplay((entry.actorName() != null) ? entry.actorName() : "KAP Clinic");
		if (entry.actorId() != null) {
			who.getIdentifier().setSystem(this.settings.staffSystem()).setValue(entry.actorId().toString());
		}
		agent.setWho(who);
		if (entry.actorName() != null) {
			agent.setAltId(entry.actorName());
		}
		if (entry.clientAddress() != null && !entry.clientAddress().isBlank()) {
			agent.getNetwork().setAddress(entry.clientAddress()).setType(AuditEventAgentNetworkType._2);
		}
		event.getSource()
			.setSite("KAP Clinic")
			.setObserver(new Reference().setDisplay("KAP Clinic"))
			.addType(new Coding(SOURCE_TYPE, "4", "Application Server"));
		for (UUID patientId : patients(entry)) {
			event.addEntity()
				.setWhat(new Reference("Patient/" + patientId))
				.setType(new Coding(ENTITY_TYPE, "1", "Person"))
				.setRole(new Coding(OBJECT_ROLE, "1", "Patient"));
		}
		if (entry.resourceType() != null) {
			String name = entry.resourceType() + ((entry.resourceId() != null) ? "/" + entry.resourceId() : "");
			AuditEvent.AuditEventEntityComponent record = event.addEntity()
				.setWhat(new Reference().setDisplay(name))
				.setType(new Coding(ENTITY_TYPE, "2", "System Object"))
				.setRole(new Coding(OBJECT_ROLE, "4", "Domain Resource"))
				.setName(name);
			if (entry.detail() != null) {
				record.setDescription(entry.detail());
			}
		}
		return event;
	}

	/** The entry's own patient first, then those a list or search showed. */
	private static Set<UUID> patients(AuditEntry entry) {
		Set<UUID> ids = new LinkedHashSet<>();
		if (entry.patientId() != null) {
			ids.add(entry.patientId());
		}
		if (entry.patientIds() != null) {
			ids.addAll(entry.patientIds());
		}
		return ids;
	}

	private static Coding type(String action) {
		return switch (action) {
			case "CREATE", "READ", "UPDATE", "VOID", "BREAK_GLASS" -> new Coding(DCM, "110110", "Patient Record");
			case "QUERY" -> new Coding(DCM, "110112", "Query");
			case "EXPORT" -> new Coding(DCM, "110106", "Export");
			case "LOGIN", "LOGOUT", "LOGIN_FAILED" -> new Coding(DCM, "110114", "User Authentication");
			case "ACCOUNT_LOCKED", "TOKEN_ISSUED", "TOKEN_REVOKED", "PRIVILEGE_CHANGE", "MFA_ENROLLED" ->
				new Coding(DCM, "110113", "Security Alert");
			default -> new Coding(DCM, "110100", "Application Activity");
		};
	}

	/**
	 * C/R/U/D/E: a void withdraws a record from the chart (kept, but no longer shown as
	 * valid): D; an export reads the data (R, as IHE ATNA codes an export); searches and
	 * everything else execute something: E.
	 */
	private static AuditEventAction action(String action) {
		return switch (action) {
			case "CREATE" -> AuditEventAction.C;
			case "READ", "EXPORT", "BREAK_GLASS" -> AuditEventAction.R;
			case "UPDATE" -> AuditEventAction.U;
			case "VOID" -> AuditEventAction.D;
			default -> AuditEventAction.E;
		};
	}

	private static AuditEventOutcome outcome(String outcome) {
		return switch (outcome) {
			case "DENIED" -> AuditEventOutcome._4;
			case "FAILURE" -> AuditEventOutcome._8;
			default -> AuditEventOutcome._0;
		};
	}

}
