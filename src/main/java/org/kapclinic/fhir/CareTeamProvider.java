package org.kapclinic.fhir;

import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.identity.Clinicians;
import org.kapclinic.identity.Role;
import org.kapclinic.patient.CareTeamMember;
import org.kapclinic.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * {@code CareTeam/{id}} and {@code CareTeam?patient=&status=}: a patient's care team (the
 * staff who see the chart) as one US Core CareTeam whose id is the patient's; each
 * current member is a participant referencing their Practitioner, with their clinical
 * role as text (our roles do not say a profession precisely enough for a NUCC or SNOMED
 * CT code) and the day they joined. Status is always {@code active}; a patient with
 * nobody on the team has no CareTeam (US Core asks for at least one participant). Anyone
 * who may see the patient may see the team, as in the chart.
 */
@Component
class CareTeamProvider implements IResourceProvider {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-careteam";

	private final Patients patients;

	private final FhirSettings settings;

	CareTeamProvider(Patients patients, FhirSettings settings) {
		this.patients = patients;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return CareTeam.class;
	}

	@Read
	public CareTeam read(@IdParam IdType id) {
		CareTeam team = team(FhirIds.uuid(id));
		if (team == null) {
			throw new ResourceNotFoundException("No resource " + id.getValue());
		}
		return team;
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = CareTeam.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = CareTeam.SP_STATUS) TokenOrListParam status, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		CareTeam team = team(FhirIds.patient(patient));
		boolean wanted = team != null && from == 0
				&& (status == null || status.getValuesAsQueryTokens()
					.stream()
					.anyMatch((token) -> CareTeam.CareTeamStatus.ACTIVE.toCode().equals(token.getValue())));
		return OffsetPage.of(wanted ? List.of(team) : List.of(), from, size);
	}

	/** The patient's team, or null when nobody is on it. */
	CareTeam team(UUID patientId) {
		return toFhir(patientId, this.patients.careTeam(patientId));
	}

	static CareTeam toFhir(UUID patientId, List<CareTeamMember> members) {
		if (members.isEmpty()) {
			return null;
		}
		CareTeam team = new CareTeam();
		team.setId(patientId.toString());
		team.getMeta().addProfile(PROFILE);
		team.setStatus(CareTeam.CareTeamStatus.ACTIVE);
		team.setName("Care team");
		team.setSubject(new Reference("Patient/" + patientId));
		for (CareTeamMember member : members) {
			CareTeam.CareTeamParticipantComponent participant = team.addParticipant();
			participant.addRole().setText(role(member));
			participant.setMember(new Reference("Practitioner/" + member.userId()).setDisplay(member.displayName()));
			participant.getPeriod().setStart(Date.from(member.addedAt()));
		}
		return team;
	}

	/** The member's clinical roles in words ("Nurse"), or "Care team member". */
	private static String role(CareTeamMember member) {
		String roles = member.roles()
			.stream()
			.filter(Clinicians.CLINICAL_ROLES::contains)
			.sorted()
			.map(Role::label)
			.collect(Collectors.joining(", "));
		return roles.isEmpty() ? "Care team member" : roles;
	}

}
