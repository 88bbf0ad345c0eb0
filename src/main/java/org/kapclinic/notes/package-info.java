/**
 * The psychotherapy half of KAP: clinical notes from templates (draft, signed, locked,
 * addenda, co-signature, void), private process notes, group integration circles,
 * patients' intentions and reflections, outside providers and disclosures with their
 * accounting.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notes", allowedDependencies = { "patient", "intake",
		"scheduling", "measures", "dosing", "identity", "audit", "shared" })
package org.kapclinic.notes;
