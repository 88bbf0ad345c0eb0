/**
 * The synthetic demo clinic: obviously fictional staff and patients generated from a
 * fixed seed, loaded once into an empty database when {@code kap.demo.enabled} is on (the
 * {@code demo} profile, the run command, tests and benchmarks).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Demo clinic",
		allowedDependencies = { "identity", "identity::demo", "patient", "patient::demo", "intake::demo",
				"measures::demo", "scheduling::demo", "dosing::demo", "billing::demo", "shared" })
package org.kapclinic.demo;
