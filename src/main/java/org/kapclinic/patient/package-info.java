/**
 * Patients: demographics, contacts, guardians of minors, weight and height history, and
 * care teams, which decide which nurses and therapists may see a chart. Other modules use
 * {@link org.kapclinic.patient.Patients} and
 * {@link org.kapclinic.patient.CareTeamAccess}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Patients",
		allowedDependencies = { "identity", "audit", "shared" })
package org.kapclinic.patient;
