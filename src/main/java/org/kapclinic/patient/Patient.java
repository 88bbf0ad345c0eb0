package org.kapclinic.patient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * A patient's registration record (aggregate root). Clinical records elsewhere refer to
 * it by id. It is never deleted.
 */
@Table(name = "patient", schema = "patient")
class Patient {

	@Id
	private UUID id;

	private String mrn;

	private String givenName;

	private String familyName;

	private String preferredName;

	private String pronouns;

	private LocalDate birthDate;

	private SexAtBirth sexAtBirth;

	private String genderIdentity;

	private String phone;

	private String email;

	@Embedded.Nullable(prefix = "address_")
	private Address address;

	@Embedded.Nullable(prefix = "emergency_contact_")
	private EmergencyContact emergencyContact;

	@Embedded.Nullable(prefix = "primary_care_")
	private ProviderContact primaryCare;

	@Embedded.Nullable(prefix = "outside_therapist_")
	private ProviderContact outsideTherapist;

	@MappedCollection(idColumn = "patient_id", keyColumn = "position")
	private List<Guardian> guardians = new ArrayList<>();

	private String familyKey;

	private String givenKey;

	private String preferredKey;

	private Instant createdAt;

	private Instant updatedAt;

	@Version
	private Long version;

	@PersistenceCreator
	Patient() {
	}

	static Patient register(String mrn, PatientDetails details, Instant now) {
		Patient patient = new Patient();
		patient.id = UUID.randomUUID();
		patient.mrn = mrn;
		patient.createdAt = now;
		patient.apply(details, now);
		return patient;
	}

	void apply(PatientDetails details, Instant now) {
		this.givenName = details.givenName().trim();
		this.familyName = details.familyName().trim();
		this.preferredName = Texts.clean(details.preferredName());
		this.pronouns = Texts.clean(details.pronouns());
		this.birthDate = details.birthDate();
		this.sexAtBirth = details.sexAtBirth();
		this.genderIdentity = Texts.clean(details.genderIdentity());
		this.phone = Texts.clean(details.phone());
		this.email = Texts.clean(details.email());
		this.address = (details.address() == null || details.address().isEmpty()) ? null : details.address();
		this.emergencyContact = (details.emergencyContact() == null || details.emergencyContact().isEmpty()) ? null
				: details.emergencyContact();
		this.primaryCare = (details.primaryCare() == null || details.primaryCare().isEmpty()) ? null
				: details.primaryCare();
		this.outsideTherapist = (details.outsideTherapist() == null || details.outsideTherapist().isEmpty()) ? null
				: details.outsideTherapist();
		this.guardians = new ArrayList<>(details.guardianList());
		this.familyKey = SearchKeys.of(this.familyName);
		this.givenKey = SearchKeys.of(this.givenName);
		this.preferredKey = SearchKeys.of(this.preferredName);
		this.updatedAt = now;
	}

	UUID id() {
		return this.id;
	}

	String mrn() {
		return this.mrn;
	}

	String givenName() {
		return this.givenName;
	}

	String familyName() {
		return this.familyName;
	}

	String preferredName() {
		return this.preferredName;
	}

	String pronouns() {
		return this.pronouns;
	}

	LocalDate birthDate() {
		return this.birthDate;
	}

	SexAtBirth sexAtBirth() {
		return this.sexAtBirth;
	}

	String genderIdentity() {
		return this.genderIdentity;
	}

	String phone() {
		return this.phone;
	}

	String email() {
		return this.email;
	}

	Address address() {
		return this.address;
	}

	EmergencyContact emergencyContact() {
		return this.emergencyContact;
	}

	ProviderContact primaryCare() {
		return this.primaryCare;
	}

	ProviderContact outsideTherapist() {
		return this.outsideTherapist;
	}

	List<Guardian> guardians() {
		return List.copyOf(this.guardians);
	}

	Instant createdAt() {
		return this.createdAt;
	}

	Instant updatedAt() {
		return this.updatedAt;
	}

	long version() {
		return (this.version != null) ? this.version : 0;
	}

}
