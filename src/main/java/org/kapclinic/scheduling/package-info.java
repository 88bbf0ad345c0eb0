/**
 * Treatment courses and scheduling: course templates (data), courses, rooms and chairs,
 * staff hours and time off, clinic hours, appointments whose double booking the database
 * refuses (exclusion constraints), the dosing gate (eligibility, consent, REMS), spacing
 * rules, slot search, reminders with calendar files, and staff calendar feeds.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Courses and scheduling",
		allowedDependencies = { "patient", "intake", "notification", "identity", "audit", "shared" })
package org.kapclinic.scheduling;
