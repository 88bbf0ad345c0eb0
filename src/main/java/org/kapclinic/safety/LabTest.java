package org.kapclinic.safety;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The liver tests the clinic records with repeated dosing (issue 19: hepatobiliary injury
 * is reported with repeated ketamine use, and the labels ask for liver monitoring;
 * clinical.md long-term safety). LOINC codes as expanded by tx.fhir.org (LOINC 2.82) in
 * the CMS dQM content IG's value sets (ALT, AST, alkaline phosphatase, total bilirubin);
 * GGT 2324-2 as public lab catalogues name it (not checked against loinc.org here). The
 * default flag multiple of the upper reference limit: transaminases 3× (FDA, Drug-Induced
 * Liver Injury: Premarketing Clinical Evaluation, 2009: ALT or AST above 3× ULN is the
 * sensitive signal of liver injury), total bilirubin 2× (the same guidance's Hy's law
 * criterion), alkaline phosphatase and GGT 2× (clinic policy: no comparable published
 * signal). {@code kap.safety.lab-flag-multiple.<LOINC>} replaces any of them.
 */
public enum LabTest {

	ALT("1742-6", "ALT (alanine aminotransferase)", "U/L", "3"),
	AST("1920-8", "AST (aspartate aminotransferase)", "U/L", "3"),
	GGT("2324-2", "GGT (gamma-glutamyl transferase)", "U/L", "2"),
	ALKALINE_PHOSPHATASE("6768-6", "Alkaline phosphatase", "U/L", "2"),
	BILIRUBIN("1975-2", "Total bilirubin", "mg/dL", "2");

	private final String loinc;

	private final String label;

	private final String usualUnit;

	private final BigDecimal flagMultiple;

	LabTest(String loinc, String label, String usualUnit, String flagMultiple) {
		this.loinc = loinc;
		this.label = label;
		this.usualUnit = usualUnit;
		this.flagMultiple = new BigDecimal(flagMultiple);
	}

	public String loinc() {
		return this.loinc;
	}

	public String label() {
		return this.label;
	}

	public String usualUnit() {
		return this.usualUnit;
	}

	/**
	 * The default multiple of the upper reference limit above which the prescriber is
	 * flagged.
	 */
	public BigDecimal flagMultiple() {
		return this.flagMultiple;
	}

	static Optional<LabTest> ofLoinc(String code) {
		return Arrays.stream(values()).filter((test) -> test.loinc.equals(code)).findFirst();
	}

	static List<String> loincCodes() {
		return Arrays.stream(values()).map(LabTest::loinc).toList();
	}

}
