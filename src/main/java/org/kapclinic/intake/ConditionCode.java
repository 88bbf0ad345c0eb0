package org.kapclinic.intake;

/**
 * Medical and psychiatric history relevant to ketamine (clinical.md section 3). These
 * codes are a public API contract: extend, never rename. Each carries the words the
 * intake form shows for it.
 */
public enum ConditionCode {

	ANEURYSM_OR_AVM("Aneurysm or AVM"), INTRACEREBRAL_HEMORRHAGE("Intracerebral hemorrhage"),
	KETAMINE_HYPERSENSITIVITY("Ketamine hypersensitivity"),
	/** Hypertension that is controlled; uncontrolled hypertension has its own code. */
	HYPERTENSION("Hypertension, controlled"),
	/**
	 * Significant, uncontrolled hypertension: a contraindication for racemic ketamine
	 * (Ketalar label §4), so it must be told apart from controlled hypertension.
	 */
	UNCONTROLLED_HYPERTENSION("Hypertension, uncontrolled"),
	HYPERTENSIVE_ENCEPHALOPATHY_HISTORY("History of hypertensive encephalopathy"),
	CARDIOVASCULAR_DISEASE("Cardiovascular disease"), CEREBROVASCULAR_DISEASE("Cerebrovascular disease"),
	PSYCHOSIS_HISTORY("Psychosis history"), MANIA_HISTORY("Mania history"), FAMILY_PSYCHOSIS("Family psychosis"),
	/**
	 * Acute suicidality with intent or plan that needs a higher level of care than an
	 * outpatient clinic (clinical.md section 3).
	 */
	ACUTE_SUICIDALITY_NEEDS_HIGHER_CARE("Acute suicidality needing a higher level of care"),
	SUBSTANCE_USE_DISORDER("Substance use disorder"), KETAMINE_MISUSE("Ketamine misuse"), PREGNANT("Pregnant"),
	BREASTFEEDING("Breastfeeding"), RAISED_ICP("Raised intracranial pressure (ICP)"),
	RAISED_IOP("Raised intraocular pressure (IOP)"), HYPERTHYROIDISM("Hyperthyroidism"),
	HEPATIC_IMPAIRMENT("Hepatic impairment"), URINARY_SYMPTOMS("Urinary symptoms"), PORPHYRIA("Porphyria");

	private final String label;

	ConditionCode(String label) {
		this.label = label;
	}

	/** What the intake form shows for this code. */
	public String label() {
		return this.label;
	}

}
