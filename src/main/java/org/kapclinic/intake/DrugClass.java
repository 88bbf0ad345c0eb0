package org.kapclinic.intake;

/**
 * Medication classes screening flags (clinical.md section 3, concomitant medications).
 */
public enum DrugClass {

	BENZODIAZEPINE, LAMOTRIGINE, STIMULANT, MAOI, OPIOID, OTHER

}
