package org.kapclinic.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.kapclinic.patient.PatientContact;
import org.kapclinic.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * {@code RelatedPerson/{id}} and {@code RelatedPerson?patient=}: a patient's guardians
 * (minors) and emergency contact as US Core RelatedPersons, to anyone who may see the
 * patient (demographics, as in the chart). Ids are the patient's id and
 * {@code -guardian-N} (the guardian's place in the chart's list, from 0) or
 * {@code -emergency}. The relationship is coded in v3 RoleCode: {@code GUARD} or
 * {@code ECON}, then the personal relationship where the words entered name one
 * ({@code MTH} for "Mother"), with the words as entered as its text.
 */
@Component
class RelatedPersonProvider implements IResourceProvider {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-relatedperson";

	static final String ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

	private static final Pattern ID = Pattern.compile("^(.{36})-(guardian-(\\d{1,2})|emergency)$");

	/** Personal relationships (v3 RoleCode) by the words staff type for them. */
	private static final Map<String, String[]> PERSONAL = Map.ofEntries(
			Map.entry("mother", new String[] { "MTH", "mother" }), Map.entry("mom", new String[] { "MTH", "mother" }),
			Map.entry("father", new String[] { "FTH", "father" }), Map.entry("dad", new String[] { "FTH", "father" }),
			Map.entry("parent", new String[] { "PRN", "parent" }),
			Map.entry("stepmother", new String[] { "STPMTH", "stepmother" }),
			Map.entry("stepfather", new String[] { "STPFTH", "stepfather" }),
			Map.entry("grandmother", new String[] { "GRMTH", "grandmother" }),
			Map.entry("grandfather", new String[] { "GRFTH", "grandfather" }),
			Map.entry("grandparent", new String[] { "GRPRN", "grandparent" }),
			Map.entry("aunt", new String[] { "AUNT", "aunt" }), Map.entry("uncle", new String[] { "UNCLE", "uncle" }),
			Map.entry("sister", new String[] { "SIS", "sister" }),
			Map.entry("brother", new String[] { "BRO", "brother" }),
			Map.entry("sibling", new String[] { "SIB", "sibling" }),
			Map.entry("spouse", new String[] { "SPS", "spouse" }),
			Map.entry("husband", new String[] { "HUSB", "husband" }),
			Map.entry("wife", new String[] { "WIFE", "wife" }),
			Map.entry("partner", new String[] { "DOMPART", "domestic partner" }),
			Map.entry("domestic partner", new String[] { "DOMPART", "domestic partner" }),
			Map.entry("friend", new String[] { "FRND", "unrelated friend" }),
			Map.entry("child", new String[] { "CHILD", "child" }));

	private final Patients patients;

	private final FhirSettings settings;

	RelatedPersonProvider(Patients patients, FhirSettings settings) {
		this.patients = patients;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return RelatedPerson.class;
	}

	@Read
	public RelatedPerson read(@IdParam IdType id) {
		Matcher m = ID.matcher(String.valueOf(id.getIdPart()));
		if (!m.matches()) {
			throw new ResourceNotFoundException("No resource " + id.getValue());
		}
		UUID patientId = FhirIds.uuid(m.group(1), id.getValue());
		return forPatient(patientId).stream()
			.filter((person) -> person.getIdPart().equals(id.getIdPart()))
			.findFirst()
			.orElseThrow(() -> new ResourceNotFoundException("No resource " + id.getValue()));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = RelatedPerson.SP_PATIENT) ReferenceParam patient,
			@Count Integer count, @Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		List<RelatedPerson> all = forPatient(FhirIds.patient(patient));
		return OffsetPage.of(all.subList(Math.min(from, all.size()), Math.min(from + size + 1, all.size())), from,
				size);
	}

	/** The patient's guardians, then their emergency contact. */
	List<RelatedPerson> forPatient(UUID patientId) {
		return this.patients.contacts(patientId).stream().map((c) -> toFhir(patientId, c)).toList();
	}

	static RelatedPerson toFhir(UUID patientId, PatientContact contact) {
		RelatedPerson person = new RelatedPerson();
		boolean guardian = contact.kind() == PatientContact.Kind.GUARDIAN;
		person.setId(patientId + (guardian ? "-guardian-" + contact.position() : "-emergency"));
		person.getMeta().addProfile(PROFILE);
		person.setActive(true);
		person.setPatient(new Reference("Patient/" + patientId));
		CodeableConcept role = person.addRelationship();
		role.addCoding()
			.setSystem(ROLE_CODE)
			.setCode(guardian ? "GUARD" : "ECON")
			.setDisplay(guardian ? "guardian" : "emergency contact");
		String words = (contact.relationship() == null) ? "" : contact.relationship().strip();
		if (guardian && words.toLowerCase(Locale.ROOT).contains("guardian")) {
			role.setText(words);
		}
		else if (!words.isEmpty()) {
			CodeableConcept personal = person.addRelationship().setText(words);
			String[] code = PERSONAL.get(words.toLowerCase(Locale.ROOT));
			if (code != null) {
				personal.addCoding().setSystem(ROLE_CODE).setCode(code[0]).setDisplay(code[1]);
			}
		}
		if (contact.name() != null && !contact.name().isBlank()) {
			person.addName().setText(contact.name().strip());
		}
		if (contact.phone() != null && !contact.phone().isBlank()) {
			person.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(contact.phone());
		}
		if (contact.email() != null && !contact.email().isBlank()) {
			person.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(contact.email());
		}
		return person;
	}

}
