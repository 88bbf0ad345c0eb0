package org.kapclinic.audit;

/**
 * Which kind of patient data an entry touched (E2147-18 7.1.9). Specially protected
 * categories (psychotherapy notes, SUD records) get their own value when those records
 * exist.
 */
public enum DataCategory {

	DEMOGRAPHICS, CLINICAL, CARE_TEAM, SECURITY, ADMINISTRATION,

	/** Private process notes (HIPAA 45 CFR 164.501 psychotherapy notes), kept apart. */
	PSYCHOTHERAPY_NOTE

}
