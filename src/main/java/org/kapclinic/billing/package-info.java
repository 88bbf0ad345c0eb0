/**
 * Billing (issue 20): the clinic as billing provider, versioned fee schedules over a code
 * list kept as data with its sources, charges proposed from the record (discharged dosing
 * sessions, completed appointments) and posted by billing staff, invoices with the
 * sliding-scale discount, payments and refunds, the aging report and the superbill PDF.
 * Money is integer minor units with its currency. Clinicians may read a patient's
 * charges; only billing staff and administrators change anything.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Billing",
		allowedDependencies = { "patient", "intake", "scheduling", "dosing", "fund", "identity", "audit", "shared" })
package org.kapclinic.billing;
