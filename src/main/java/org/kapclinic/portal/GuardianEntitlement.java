package org.kapclinic.portal;

import java.util.Locale;
import java.util.UUID;

import org.kapclinic.patient.Patients;
import org.springframework.stereotype.Component;

/**
 * Whether a guardian's proxy account still stands (issue 21): the patient is still a
 * minor (the age of majority is {@code kap.patient.age-of-majority}) and a guardian with
 * that e-mail address is still on file. Checked at sign-in and on every request of a
 * proxy's session, so a proxy ends the day the patient comes of age or the guardian is
 * taken off the record, without anyone remembering to revoke it.
 */
@Component
class GuardianEntitlement {

	private final Patients patients;

	GuardianEntitlement(Patients patients) {
		this.patients = patients;
	}

	boolean holds(UUID patientId, String email) {
		String address = email.toLowerCase(Locale.ROOT);
		return this.patients.summary(patientId).filter((p) -> p.minor()).isPresent()
				&& this.patients.guardians(patientId)
					.stream()
					.anyMatch((g) -> g.email() != null && g.email().strip().toLowerCase(Locale.ROOT).equals(address));
	}

}
