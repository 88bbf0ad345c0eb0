package org.kapclinic.fhir;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StringType;
import org.kapclinic.patient.Address;
import org.kapclinic.patient.ExternalIdentifier;
import org.kapclinic.patient.Guardian;
import org.kapclinic.patient.PatientDetails;
import org.kapclinic.patient.SexAtBirth;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * Another system's Patient as the registration our form takes: the official (else the
 * first) name, a usual or nickname given name as the preferred name, the birth date
 * (whole days only), sex at birth from the US Core birth sex extension (else from
 * administrative gender female or male; FHIR R4 §8.1 gender "is not the same as
 * biological sex", so other and unknown record nothing), the first phone and e-mail, the
 * first home (else any) address, and contacts whose relationship is a guardian (US Core
 * Patient; v3 RoleCode GUARD) as guardians. The sending system's identifiers are kept
 * ({@link #identifiers}); our MRN is assigned here.
 */
final class ReceivedPatients {

	private static final String GUARDIAN = "GUARD";

	private ReceivedPatients() {
	}

	static PatientDetails details(Patient patient) {
		List<FieldProblem> problems = new ArrayList<>();
		HumanName name = officialName(patient);
		if (name == null || !name.hasFamily() || !name.hasGiven()) {
			problems.add(new FieldProblem("Patient.name", "a family name and a given name are required"));
		}
		LocalDate birthDate = birthDate(patient, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return new PatientDetails(given(name), name.getFamily(), preferred(patient), null, birthDate, sex(patient),
				null, telecom(patient.getTelecom(), ContactPoint.ContactPointSystem.PHONE),
				telecom(patient.getTelecom(), ContactPoint.ContactPointSystem.EMAIL), address(patient), null, null,
				null, guardians(patient), null, false);
	}

	/**
	 * The identifiers to keep: those with a system and a value, except ours (an MRN of
	 * this clinic is assigned here, not received) and those marked {@code old} (no longer
	 * in use by their system).
	 */
	static List<ExternalIdentifier> identifiers(Patient patient, String mrnSystem) {
		return patient.getIdentifier()
			.stream()
			.filter((i) -> i.hasSystem() && i.hasValue() && !mrnSystem.equals(i.getSystem()))
			.filter((i) -> i.getUse() != Identifier.IdentifierUse.OLD)
			.map((i) -> new ExternalIdentifier(i.getSystem(), i.getValue()))
			.toList();
	}

	private static HumanName officialName(Patient patient) {
		return patient.getName()
			.stream()
			.filter((n) -> n.getUse() == HumanName.NameUse.OFFICIAL)
			.findFirst()
			.orElse(patient.getName().isEmpty() ? null : patient.getNameFirstRep());
	}

	private static String given(HumanName name) {
		return String.join(" ", name.getGiven().stream().map(StringType::getValue).toList());
	}

	private static String preferred(Patient patient) {
		return patient.getName()
			.stream()
			.filter((n) -> (n.getUse() == HumanName.NameUse.USUAL || n.getUse() == HumanName.NameUse.NICKNAME)
					&& n.hasGiven())
			.map((n) -> n.getGiven().get(0).getValue())
			.findFirst()
			.orElse(null);
	}

	/** A whole day: "1980" or "1980-04" does not say who the person is. */
	private static LocalDate birthDate(Patient patient, List<FieldProblem> problems) {
		if (!patient.hasBirthDateElement() || patient.getBirthDateElement().getValue() == null) {
			problems.add(new FieldProblem("Patient.birthDate", "a valid birth date (YYYY-MM-DD) is required"));
			return null;
		}
		if (patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
			problems.add(new FieldProblem("Patient.birthDate", "must be a full date (YYYY-MM-DD)"));
			return null;
		}
		return LocalDate.parse(patient.getBirthDateElement().getValueAsString());
	}

	private static SexAtBirth sex(Patient patient) {
		Extension birthSex = patient.getExtensionByUrl(PatientResources.BIRTH_SEX);
		if (birthSex != null && birthSex.getValue() != null) {
			return switch (birthSex.getValue().primitiveValue()) {
				case "F" -> SexAtBirth.FEMALE;
				case "M" -> SexAtBirth.MALE;
				default -> SexAtBirth.UNKNOWN;
			};
		}
		if (!patient.hasGender()) {
			return null;
		}
		return switch (patient.getGender()) {
			case FEMALE -> SexAtBirth.FEMALE;
			case MALE -> SexAtBirth.MALE;
			default -> null;
		};
	}

	private static String telecom(List<ContactPoint> telecom, ContactPoint.ContactPointSystem system) {
		return telecom.stream()
			.filter((t) -> t.getSystem() == system && t.hasValue())
			.map(ContactPoint::getValue)
			.findFirst()
			.orElse(null);
	}

	private static Address address(Patient patient) {
		Optional<org.hl7.fhir.r4.model.Address> home = patient.getAddress()
			.stream()
			.filter((a) -> a.getUse() == org.hl7.fhir.r4.model.Address.AddressUse.HOME)
			.findFirst()
			.or(() -> patient.getAddress().stream().findFirst());
		return home
			.map((a) -> new Address(line(a, 0), line(a, 1), a.getCity(), a.getState(), a.getPostalCode(),
					a.getCountry()))
			.orElse(null);
	}

	private static String line(org.hl7.fhir.r4.model.Address address, int index) {
		return (address.getLine().size() > index) ? address.getLine().get(index).getValue() : null;
	}

	private static List<Guardian> guardians(Patient patient) {
		return patient.getContact()
			.stream()
			.filter((c) -> c.getRelationship()
				.stream()
				.anyMatch((r) -> r.getCoding().stream().anyMatch((coding) -> GUARDIAN.equals(coding.getCode()))))
			.map((c) -> new Guardian(c.getName().getNameAsSingleString(), "Guardian",
					telecom(c.getTelecom(), ContactPoint.ContactPointSystem.PHONE),
					telecom(c.getTelecom(), ContactPoint.ContactPointSystem.EMAIL)))
			.toList();
	}

}
