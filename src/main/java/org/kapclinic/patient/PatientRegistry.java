package org.kapclinic.patient;

import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.springframework.stereotype.Component;

/**
 * Registrations for other systems (FHIR): read and structured search under the same
 * visibility rule and audit as the chart.
 */
@Component
class PatientRegistry {

	private final PatientService service;

	private final PatientCriteriaSearch search;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	PatientRegistry(PatientService service, PatientCriteriaSearch search, CurrentUser currentUser, AuditTrail audit) {
		this.service = service;
		this.search = search;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	RegisteredPatient read(UUID id) {
		return RegisteredPatient.of(this.service.read(id));
	}

	List<RegisteredPatient> search(PatientCriteria criteria, int offset, int limit) {
		StaffMember user = this.currentUser.require();
		UUID careTeamOf = PatientAccessPolicy.limitedToCareTeams(user) ? user.id() : null;
		List<RegisteredPatient> found = this.search.search(criteria, careTeamOf, offset, limit);
		this.audit.record(AuditEvent.of(AuditAction.QUERY, PatientAccessPolicy.RESOURCE, null)
			.category(DataCategory.DEMOGRAPHICS)
			.patients(found.stream().map(RegisteredPatient::id).toList())
			.detail("structured search " + criteria + " offset=" + offset + " results=" + found.size()));
		return found;
	}

}
