package org.kapclinic.fhir;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The FHIR API's identifiers and paging.
 *
 * @param mrnSystem the identifier system of the clinic's medical record numbers
 * ({@code Patient.identifier.system}); each clinic should set a URI it controls. The
 * default uses the {@code .example} domain reserved by RFC 2606 so that it is never taken
 * for a real clinic's.
 * @param instrumentSystem the code system of instrument totals without a LOINC term
 * (QIDS-SR16, MADRS, Y-BOCS, CADSS, BPI: clinical.md §4.3)
 * @param questionnaireBase where the canonical URLs of our instruments' Questionnaires
 * start ({@code QuestionnaireResponse.questionnaire} is this, the instrument's code and
 * its version)
 * @param tokenLifetime how long a backend service's access token lasts (5 minutes: SMART
 * Backend Services recommends five minutes or less)
 * @param rxnormKetamine the RxNorm concept a ketamine administration is coded with: the
 * ingredient, RxCUI 6130 by default (clinical.md §5.1 marks it "P": consistent with
 * neighbouring ingredient codes, not yet confirmed in RxNav; confirm before exchanging
 * data)
 * @param rxnormEsketamine the RxNorm concept of an esketamine administration: SCDF
 * 2201623 "esketamine Nasal Spray" by default (clinical.md §5.1, "P": one RxNorm mirror,
 * release of 2026-06; the ingredient's RxCUI was not found)
 * @param defaultPageSize a search's page size when the client sends no {@code _count}
 * @param maxPageSize the largest page a search returns whatever {@code _count} asks
 * @param staffSystem the identifier system of the clinic's staff ids
 * ({@code Practitioner.identifier.system}, the value is the staff account's id); each
 * clinic should set a URI it controls. The default uses the {@code .example} domain
 * reserved by RFC 2606.
 */
@ConfigurationProperties("kap.fhir")
record FhirSettings(String mrnSystem, String instrumentSystem, String questionnaireBase,
		java.time.Duration tokenLifetime, String rxnormKetamine, String rxnormEsketamine, Integer defaultPageSize,
		Integer maxPageSize, String staffSystem) {

	FhirSettings {
		mrnSystem = (mrnSystem == null) ? "https://kapclinic.example/fhir/sid/mrn" : mrnSystem;
		instrumentSystem = (instrumentSystem == null) ? "https://kapclinic.example/fhir/CodeSystem/instrument"
				: instrumentSystem;
		questionnaireBase = (questionnaireBase == null) ? "https://kapclinic.example/fhir/Questionnaire"
				: questionnaireBase;
		tokenLifetime = (tokenLifetime == null) ? java.time.Duration.ofMinutes(5) : tokenLifetime;
		rxnormKetamine = (rxnormKetamine == null) ? "6130" : rxnormKetamine;
		rxnormEsketamine = (rxnormEsketamine == null) ? "2201623" : rxnormEsketamine;
		defaultPageSize = (defaultPageSize == null) ? 20 : defaultPageSize;
		maxPageSize = (maxPageSize == null) ? 100 : maxPageSize;
		staffSystem = (staffSystem == null) ? "https://kapclinic.example/fhir/sid/staff" : staffSystem;
	}

	/** The page size for a requested {@code _count}. */
	int pageSize(Integer requested) {
		if (requested == null || requested < 1) {
			return this.defaultPageSize;
		}
		return Math.min(requested, this.maxPageSize);
	}

}
