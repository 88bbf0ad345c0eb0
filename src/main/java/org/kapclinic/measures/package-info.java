/**
 * Measurement-based care: the instrument library (data files, not code), exact scoring as
 * published, administrations, schedules (interval and dose-anchored) with due and overdue
 * measures, self-report links sent through the notification outbox, risk flags with an
 * urgent care-team task, and trajectories.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Outcome measures",
		allowedDependencies = { "patient", "notification", "tasks", "identity", "audit", "shared" })
package org.kapclinic.measures;
