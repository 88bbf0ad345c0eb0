package org.kapclinic.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.kapclinic.patient.Guardian;
import org.kapclinic.patient.RegisteredPatient;
import org.kapclinic.patient.SexAtBirth;
import org.springframework.stereotype.Component;

/**
 * Our registration as a US Core Patient; a minor's guardians are its contacts
 * (relationship v3 RoleCode {@code GUARD}, the words entered as text), each also a
 * RelatedPerson.
 */
@Component
class PatientResources {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient";

	/** US Core's birth sex extension: F, M or UNK (an intersex birth is not coded). */
	static final String BIRTH_SEX = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-birthsex";

	private final FhirSettings settings;

	PatientResources(FhirSettings settings) {
		this.settings = settings;
	}

	Patient toFhir(RegisteredPatient p) {
		Patient patient = new Patient();
		patient.setId(p.id().toString());
		patient.getMeta()
			.addProfile(PROFILE)
			.setVersionId(Long.toString(p.version()))
			.setLastUpdated(Date.from(p.updatedAt()));
		patient.addIdentifier()
			.setUse(org.hl7.fhir.r4.model.Identifier.IdentifierUse.USUAL)
			.setSystem(this.settings.mrnSystem())
			.setValue(p.mrn())
			.getType()
			.addCoding()
			.setSystem("http://terminology.hl7.org/CodeSystem/v2-0203")
			.setCode("MR")
			.setDisplay("Medical record number");
		// Other systems' identifiers, kept from referrals: their system says whose.
		p.identifiers().forEach((i) -> patient.addIdentifier().setSystem(i.system()).setValue(i.value()));
		patient.setActive(true);
		patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(p.familyName()).addGiven(p.givenName());
		if (p.preferredName() != null && !p.preferredName().isBlank()) {
			patient.addName().setUse(HumanName.NameUse.USUAL).setFamily(p.familyName()).addGiven(p.preferredName());
		}
		patient.setBirthDateElement(new DateType(p.birthDate().toString()));
		patient.setGender(gender(p.sexAtBirth()));
		if (p.sexAtBirth() == SexAtBirth.FEMALE || p.sexAtBirth() == SexAtBirth.MALE
				|| p.sexAtBirth() == SexAtBirth.UNKNOWN) {
			patient.addExtension(BIRTH_SEX, new CodeType(birthSex(p.sexAtBirth())));
		}
		if (p.phone() != null && !p.phone().isBlank()) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(p.phone());
		}
		if (p.email() != null && !p.email().isBlank()) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(p.email());
		}
		if (p.address() != null) {
			Address address = patient.addAddress().setUse(Address.AddressUse.HOME);
			addLine(address, p.address().line1());
			addLine(address, p.address().line2());
			address.setCity(p.address().city())
				.setState(p.address().region())
				.setPostalCode(p.address().postalCode())
				.setCountry(p.address().country());
		}
		addGuardians(patient, p.guardians());
		return patient;
	}

	/**
	 * Each guardian as a contact (relationship {@code GUARD}, the words entered as text).
	 */
	private static void addGuardians(Patient patient, java.util.List<Guardian> guardians) {
		for (Guardian guardian : guardians) {
			Patient.ContactComponent contact = patient.addContact();
			CodeableConcept relationship = contact.addRelationship();
			relationship.addCoding().setSystem(RelatedPersonProvider.ROLE_CODE).setCode("GUARD").setDisplay("guardian");
			if (guardian.relationship() != null && !guardian.relationship().isBlank()) {
				relationship.setText(guardian.relationship().strip());
			}
			if (guardian.name() != null && !guardian.name().isBlank()) {
				contact.getName().setText(guardian.name().strip());
			}
			if (guardian.phone() != null && !guardian.phone().isBlank()) {
				contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(guardian.phone());
			}
			if (guardian.email() != null && !guardian.email().isBlank()) {
				contact.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(guardian.email());
			}
		}
	}

	private static void addLine(Address address, String line) {
		if (line != null && !line.isBlank()) {
			address.addLine(line);
		}
	}

	/**
	 * Administrative gender from the sex recorded at birth: the chart records no other
	 * administrative gender, and a gender identity is free text.
	 */
	private static AdministrativeGender gender(SexAtBirth sex) {
		if (sex == null) {
			return AdministrativeGender.UNKNOWN;
		}
		return switch (sex) {
			case FEMALE -> AdministrativeGender.FEMALE;
			case MALE -> AdministrativeGender.MALE;
			case INTERSEX -> AdministrativeGender.OTHER;
			case UNKNOWN -> AdministrativeGender.UNKNOWN;
		};
	}

	private static String birthSex(SexAtBirth sex) {
		return switch (sex) {
			case FEMALE -> "F";
			case MALE -> "M";
			default -> "UNK";
		};
	}

}
