package org.kapclinic.patient;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param ageOfMajority below this age a patient is a minor and needs a guardian on file
 * ({@code kap.patient.age-of-majority}, default 18). Minor-consent ages differ by
 * jurisdiction (clinical.md section 6, marked unverified), hence configurable.
 */
@ConfigurationProperties("kap.patient")
record PatientSettings(Integer ageOfMajority) {

	PatientSettings {
		ageOfMajority = (ageOfMajority == null) ? 18 : ageOfMajority;
	}

}
