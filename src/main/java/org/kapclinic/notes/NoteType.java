package org.kapclinic.notes;

/** Note types (API codes, a public contract). */
public enum NoteType {

	INTAKE_ASSESSMENT, PREPARATION, DOSING_SESSION, INTEGRATION, PROGRESS_SOAP, PROGRESS_DAP, DISCHARGE_SUMMARY, GROUP

}
