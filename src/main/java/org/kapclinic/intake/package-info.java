/**
 * The gate before a first dose: intake history, eligibility screening against a versioned
 * rule set, the prescriber's decision per program, and informed consent. Later
 * capabilities ask {@link org.kapclinic.intake.Eligibility} and refuse without it; they
 * never re-implement screening or consent rules.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Intake, eligibility and consent",
		allowedDependencies = { "patient", "identity", "audit", "shared" })
package org.kapclinic.intake;
