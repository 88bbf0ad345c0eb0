/**
 * Long-term safety of repeated dosing (issue 19): the maintenance review a patient on
 * maintenance dosing needs at an interval, which refuses further dose bookings while it
 * is overdue; lab results (liver tests, urinalysis, urine drug screens) with their flags;
 * the bladder symptom checklist; and the misuse and diversion signals for the prescriber.
 * Cumulative exposure itself is the dosing record's ({@code dosing.Exposures}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Long-term safety", allowedDependencies = { "scheduling",
		"dosing", "measures", "notes", "reports", "patient", "tasks", "identity", "audit", "shared" })
package org.kapclinic.safety;
