/**
 * Work the clinic assigns to people about a patient: an urgent same-day review after a
 * suicide-risk answer (measures), later co-signatures and follow-ups. Tasks are assigned
 * to the patient's care team by role and completed by their source's own workflow or by
 * an assignee with a note.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Care tasks",
		allowedDependencies = { "patient", "identity", "audit", "shared" })
package org.kapclinic.tasks;
