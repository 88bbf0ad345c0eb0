package org.kapclinic.reports;

import java.time.Instant;
import java.util.Map;

/** The research export's column headers, data dictionary and README. */
final class ResearchExportTexts {

	static final String DICTIONARY = """
			file,column,meaning
			patients.csv,study_id,"A random id for this export only: another export gives the same patient another id"
			patients.csv,age_at_first_dose,"Age in years at the first dose; 90 and over as 90+ (HIPAA Safe Harbor)"
			patients.csv,sex_at_birth,"FEMALE, MALE, INTERSEX or UNKNOWN; empty when not recorded"
			patients.csv,state,"US state or territory (two letters) of the address; empty when the region is not a US state"
			patients.csv,first_dose_year,"Calendar year of the patient's first dose"
			patients.csv,primary_diagnosis,"ICD-10-CM code of the first diagnosis recorded at intake"
			courses.csv,study_id,"See patients.csv"
			courses.csv,course,"The patient's courses numbered 1, 2, ... in order of first dose"
			courses.csv,program,"KAP (ketamine-assisted psychotherapy), IV_INFUSION or ESKETAMINE (Spravato under its REMS)"
			courses.csv,route,"Most used route: IV, IM, SL (sublingual) or IN (intranasal)"
			courses.csv,first_dose_day,"Days from the patient's first dose to this course's first dose"
			courses.csv,last_dose_day,"Days from the patient's first dose to this course's last dose"
			courses.csv,sessions,"Sessions in which drug was given"
			courses.csv,held_sessions,"Sessions held by a pre-dose reading (released with a documented override)"
			courses.csv,alerts,"Monitoring alerts (blood pressure, oxygen saturation, heart rate) raised in the sessions"
			sessions.csv,study_id,"See patients.csv"
			sessions.csv,course,"See courses.csv"
			sessions.csv,day,"Days from the patient's first dose to this session's dose"
			sessions.csv,program,"See courses.csv"
			sessions.csv,route,"See courses.csv"
			sessions.csv,dose_mg,"The dose ordered, mg"
			sessions.csv,dose_mg_per_kg,"The dose ordered per kg of body weight; empty for esketamine (a fixed dose)"
			sessions.csv,held,"true when a pre-dose reading held the session"
			sessions.csv,alerts,"Monitoring alerts raised in the session"
			measurements.csv,study_id,"See patients.csv"
			measurements.csv,instrument,"The instrument's code (PHQ-9, GAD-7, PCL-5, ...; GET /api/v1/instruments)"
			measurements.csv,day,"Days from the patient's first dose to the administration (negative before it)"
			measurements.csv,total,"The total score"
			measurements.csv,severity,"The instrument's severity band for the total"
			adverse_events.csv,study_id,"See patients.csv"
			adverse_events.csv,course,"See courses.csv"
			adverse_events.csv,day,"Days from the patient's first dose to the event"
			adverse_events.csv,kind,"SIDE_EFFECT or ADVERSE_EVENT"
			adverse_events.csv,effect,"NAUSEA, VOMITING, HYPERTENSION, HYPOTENSION, TACHYCARDIA, ... (the clinic's side-effect list)"
			adverse_events.csv,severity,"MILD, MODERATE, SEVERE or LIFE_THREATENING"
			""";

	private static final Map<String, String[]> HEADERS = Map.of("patients.csv",
			new String[] {
					"study_id", "age_at_first_dose", "sex_at_birth", "state", "first_dose_year", "primary_diagnosis" },
			"courses.csv",
			new String[] { "study_id", "course", "program", "route", "first_dose_day", "last_dose_day", "sessions",
					"held_sessions", "alerts" },
			"sessions.csv",
			new String[] { "study_id", "course", "day", "program", "route", "dose_mg", "dose_mg_per_kg", "held",
					"alerts" },
			"measurements.csv", new String[] { "study_id", "instrument", "day", "total", "severity" },
			"adverse_events.csv", new String[] { "study_id", "course", "day", "kind", "effect", "severity" });

	private ResearchExportTexts() {
	}

	static String[] header(String file) {
		return HEADERS.get(file);
	}

	static String readme(String purpose, Instant now, Map<String, Integer> rows) {
		StringBuilder counts = new StringBuilder();
		rows.forEach((file, count) -> counts.append("  ").append(file).append(": ").append(count).append(" rows\n"));
		return """
				KAP Clinic de-identified research export
				========================================

				Made: %s
				Purpose stated by the requesting administrator: %s

				Who is in it: every patient with at least one treatment course in which drug was given.

				De-identification: HIPAA Safe Harbor, 45 CFR 164.514(b)(2). No names, addresses, telephone
				numbers, e-mail addresses, record numbers, account numbers or free text are exported. Every date
				is replaced by the number of days since the patient's first dose; only the year of the first dose
				is kept. Ages of 90 and over are grouped as 90+. Geography is kept only to the state. Each patient
				has a random study id that is new in every export, so exports cannot be joined on it.
				Safe Harbor also requires that the clinic has no actual knowledge that what remains could
				identify a person: small or unusual groups deserve care before publication.

				Files (see data_dictionary.csv for every column):
				%s""".formatted(now, purpose.replace('\n', ' '), counts);
	}

}
