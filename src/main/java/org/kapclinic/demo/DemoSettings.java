package org.kapclinic.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param enabled load the demo clinic into an empty database on start
 * @param patients how many synthetic patients ({@code --kap.demo.patients=N}, default
 * 200)
 * @param seed random seed: the same seed gives the same clinic
 * @param phq9PerPatient weekly PHQ-9 scores per patient (default 4)
 * @param activeSessions dosing sessions in progress on the treatment floor (default 8)
 */
@ConfigurationProperties("kap.demo")
record DemoSettings(boolean enabled, Integer patients, Long seed, Integer phq9PerPatient, Integer activeSessions) {

	/** Every demo account signs in with this password (see the README). */
	static final String PASSWORD = "demo-clinic-2026";

	DemoSettings {
		patients = (patients == null) ? 200 : patients;
		seed = (seed == null) ? 20261122L : seed;
		phq9PerPatient = (phq9PerPatient == null) ? 4 : phq9PerPatient;
		activeSessions = (activeSessions == null) ? 8 : activeSessions;
	}

}
