/**
 * Measurement-based care: the instrument library (data files, not code), exact scoring as
 * published, and, later, administrations, schedules, self-report links, risk flags and
 * trajectories.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcome measures",
		allowedDependencies = { "patient", "identity", "audit", "shared" })
package org.kapclinic.measures;
