package org.kapclinic.intake;

/**
 * Medication classes screening flags (clinical.md section 3, concomitant medications;
 * section 2.1, the Spravato REMS Patient Monitoring Form asks for benzodiazepines,
 * non-benzodiazepine hypnotics, psychostimulants and MAOIs). These codes are a public API
 * contract: extend, never rename. Each carries the words the intake form shows for it.
 */
public enum DrugClass {

	BENZODIAZEPINE("Benzodiazepine"), NON_BENZODIAZEPINE_HYPNOTIC("Non-benzodiazepine hypnotic (e.g. zolpidem)"),
	OPIOID("Opioid"), OTHER_CNS_DEPRESSANT("Other CNS depressant (sedating medicine)"),
	PSYCHOSTIMULANT("Psychostimulant (e.g. methylphenidate, amphetamine)"),
	/**
	 * The first code for psychostimulants, kept so that stored intakes and existing API
	 * clients stay valid; the form offers {@link #PSYCHOSTIMULANT} instead.
	 */
	STIMULANT("Stimulant (older entry: choose psychostimulant)"), MAOI("MAOI (monoamine oxidase inhibitor)"),
	LAMOTRIGINE("Lamotrigine"), OTHER("Other"),
	/**
	 * Listed by the patient in their own questionnaire, by name only: staff choose the
	 * class before the intake can be submitted, so no medicine is screened unclassified.
	 */
	UNCLASSIFIED("Not yet classified (listed by the patient)");

	private final String label;

	DrugClass(String label) {
		this.label = label;
	}

	/** What the intake form shows for this class. */
	public String label() {
		return this.label;
	}

	/**
	 * Offered on the form for a new entry; a superseded code is only shown where chosen.
	 */
	public boolean offered() {
		return this != STIMULANT && this != UNCLASSIFIED;
	}

}
