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
 * Registrations for other systems (FHIR): read, structured search and referrals under the
 * same visibility rule, duplicate check and audit as the chart.
 */
@Component
class PatientRegistry {

	private final PatientService service;

	private final PatientCriteriaSearch search;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final ExternalIdentifiers identifiers;

	PatientRegistry(PatientService service, PatientCriteriaSearch search, CurrentUser currentUser, AuditTrail audit,
			ExternalIdentifiers identifiers) {
		this.service = service;
		this.identifiers = identifiers;
		this.search = search;
		this.currentUser = currentUser;
		this.audit = audit;
	}

	RegisteredPatient read(UUID id) {
		return RegisteredPatient.of(this.service.read(id));
	}

	/**
	 * Registers a referral and keeps its identifiers; one another patient holds makes it
	 * a duplicate of that patient, checked before the registration's own duplicate check.
	 * The caller's transaction makes the two one.
	 */
	RegisteredPatient registerReferral(PatientDetails details, List<ExternalIdentifier> identifiers) {
		StaffMember user = this.currentUser.require();
		java.util.Set<ExternalIdentifier> distinct = new java.util.LinkedHashSet<>(identifiers);
		this.identifiers.requireUnheld(distinct, user);
		PatientView registered = this.service.register(details);
		this.identifiers.keep(registered.id(), distinct, user);
		// As a read would order them, without reading the patient again.
		return RegisteredPatient.of(registered, distinct.stream()
			.sorted(java.util.Comparator.comparing(ExternalIdentifier::system).thenComparing(ExternalIdentifier::value))
			.toList());
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
