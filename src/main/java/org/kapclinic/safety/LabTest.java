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
 * <p>
 * Qualitative tests report positive or negative. The urine dipstick for blood (LOINC
 * 5794-3 "Hemoglobin [Presence] in Urine by Test strip", as US Core's example uses it):
 * haematuria is a sign of the ulcerative cystitis the ketamine injection label warns of
 * with chronic use, so a positive result asks for prescriber review. The urine drug
 * screens (LOINC "[Presence] in Urine by Screen method" codes as public LOINC-derived
 * catalogues list them; ketamine 12327-3 "Ketamine [Presence] in Urine" as the NCHS
 * death-investigation IG's example uses it; none checked against loinc.org here): a
 * positive screen is a misuse signal for the prescriber ({@link MisuseSignals}), never an
 * accusation shown to the patient. A positive ketamine screen is expected after a dose;
 * the prescriber reads it against the dosing record.
 */
public enum LabTest {

	ALT("1742-6", "ALT (alanine aminotransferase)", "U/L", "3", Panel.LIVER),
	AST("1920-8", "AST (aspartate aminotransferase)", "U/L", "3", Panel.LIVER),
	GGT("2324-2", "GGT (gamma-glutamyl transferase)", "U/L", "2", Panel.LIVER),
	ALKALINE_PHOSPHATASE("6768-6", "Alkaline phosphatase", "U/L", "2", Panel.LIVER),
	BILIRUBIN("1975-2", "Total bilirubin", "mg/dL", "2", Panel.LIVER),
	URINE_BLOOD("5794-3", "Urine blood (dipstick)", null, null, Panel.URINALYSIS),
	URINE_KETAMINE("12327-3", "Urine drug screen: ketamine", null, null, Panel.DRUG_SCREEN),
	URINE_OPIATES("19295-5", "Urine drug screen: opiates", null, null, Panel.DRUG_SCREEN),
	URINE_BENZODIAZEPINES("14316-4", "Urine drug screen: benzodiazepines", null, null, Panel.DRUG_SCREEN),
	URINE_AMPHETAMINES("19261-7", "Urine drug screen: amphetamines", null, null, Panel.DRUG_SCREEN),
	URINE_COCAINE("19359-9", "Urine drug screen: cocaine", null, null, Panel.DRUG_SCREEN);

	/** What a test is for: it decides what a flagged result opens. */
	public enum Panel {

		LIVER("Liver tests"), URINALYSIS("Urinalysis"), DRUG_SCREEN("Urine drug screen");

		private final String label;

		Panel(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	private final String loinc;

	private final String label;

	private final String usualUnit;

	private final BigDecimal flagMultiple;

	private final Panel panel;

	LabTest(String loinc, String label, String usualUnit, String flagMultiple, Panel panel) {
		this.loinc = loinc;
		this.label = label;
		this.usualUnit = usualUnit;
		this.flagMultiple = (flagMultiple != null) ? new BigDecimal(flagMultiple) : null;
		this.panel = panel;
	}

	public String loinc() {
		return this.loinc;
	}

	public String label() {
		return this.label;
	}

	/** The unit reports usually give (null for a positive/negative test). */
	public String usualUnit() {
		return this.usualUnit;
	}

	public Panel panel() {
		return this.panel;
	}

	/** Reported as positive or negative rather than a number. */
	public boolean qualitative() {
		return this.flagMultiple == null;
	}

	/**
	 * The default multiple of the upper reference limit above which the prescriber is
	 * flagged (null for a qualitative test).
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
