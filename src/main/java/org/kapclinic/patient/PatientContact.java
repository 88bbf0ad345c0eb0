package org.kapclinic.patient;

import java.util.ArrayList;
import java.util.List;

/**
 * A person on file to be reached about a patient: a guardian of a minor (in the order the
 * chart lists them) or the emergency contact. Relationship is free text as entered.
 *
 * @param position the guardian's place in the chart's list (0 for the first); 0 for the
 * emergency contact
 */
public record PatientContact(Kind kind, int position, String name, String relationship, String phone, String email) {

	/** Why the person is on file. */
	public enum Kind {

		GUARDIAN, EMERGENCY_CONTACT

	}

	/** The record's guardians, then its emergency contact if one is on file. */
	static List<PatientContact> of(PatientRecord record) {
		List<PatientContact> contacts = new ArrayList<>();
		for (int i = 0; i < record.guardians().size(); i++) {
			Guardian g = record.guardians().get(i);
			contacts.add(new PatientContact(Kind.GUARDIAN, i, g.name(), g.relationship(), g.phone(), g.email()));
		}
		EmergencyContact contact = record.emergencyContact();
		if (contact != null && !contact.isEmpty()) {
			contacts.add(new PatientContact(Kind.EMERGENCY_CONTACT, 0, contact.name(), contact.relationship(),
					contact.phone(), null));
		}
		return contacts;
	}

}
