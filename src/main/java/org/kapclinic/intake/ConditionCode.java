package org.kapclinic.intake;

/**
 * Medical and psychiatric history relevant to ketamine (clinical.md section 3). These
 * codes are a public API contract: extend, never rename. Each carries the words the
 * intake form shows for it.
 */
enum ConditionCode {

	ANEURYSM_OR_AVM("Aneurysm or AVM",
			"Have you ever been told you have an aneurysm (a bulging blood vessel in the brain, chest or belly) or an arteriovenous malformation (AVM)?"),
	INTRACEREBRAL_HEMORRHAGE("Intracerebral hemorrhage", "Have you ever had bleeding in the brain?"),
	KETAMINE_HYPERSENSITIVITY("Ketamine hypersensitivity",
			"Have you ever had an allergic reaction to ketamine or esketamine (Spravato)?"),
	/** Hypertension that is controlled; uncontrolled hypertension has its own code. */
	HYPERTENSION("Hypertension, controlled", "Do you have high blood pressure that is treated and under control?"),
	/**
	 * Significant, uncontrolled hypertension: a contraindication for racemic ketamine
	 * (Ketalar label §4), so it must be told apart from controlled hypertension.
	 */
	UNCONTROLLED_HYPERTENSION("Hypertension, uncontrolled",
			"Do you have high blood pressure that is not under control, or high readings at home?"),
	HYPERTENSIVE_ENCEPHALOPATHY_HISTORY("History of hypertensive encephalopathy",
			"Have you ever needed hospital care for very high blood pressure that affected your brain (confusion, a severe headache or a seizure)?"),
	CARDIOVASCULAR_DISEASE("Cardiovascular disease",
			"Do you have heart disease, for example a past heart attack, heart failure or angina?"),
	CEREBROVASCULAR_DISEASE("Cerebrovascular disease", "Have you had a stroke or a mini-stroke (TIA)?"),
	PSYCHOSIS_HISTORY("Psychosis history",
			"Have you ever heard voices or seen things others did not, or been told you had psychosis or schizophrenia?"),
	MANIA_HISTORY("Mania history",
			"Have you ever had days of very high energy, little need for sleep and racing thoughts (mania), or been told you have bipolar disorder?"),
	FAMILY_PSYCHOSIS("Family psychosis",
			"Has a parent, brother, sister or child of yours had schizophrenia or psychosis?"),
	/**
	 * Acute suicidality with intent or plan that needs a higher level of care than an
	 * outpatient clinic (clinical.md section 3).
	 */
	ACUTE_SUICIDALITY_NEEDS_HIGHER_CARE("Acute suicidality needing a higher level of care",
			"Right now, do you have a plan or intention to end your life?"),
	SUBSTANCE_USE_DISORDER("Substance use disorder",
			"In the past year, have you had problems with alcohol or drugs, or been treated for them?"),
	KETAMINE_MISUSE("Ketamine misuse", "Have you ever used ketamine outside of a medical treatment?"),
	PREGNANT("Pregnant", "Are you pregnant, or could you be?"),
	BREASTFEEDING("Breastfeeding", "Are you breastfeeding?"),
	RAISED_ICP("Raised intracranial pressure (ICP)",
			"Have you been told you have raised pressure inside the skull, a brain tumour or hydrocephalus?"),
	RAISED_IOP("Raised intraocular pressure (IOP)", "Do you have glaucoma or an eye injury?"),
	HYPERTHYROIDISM("Hyperthyroidism", "Do you have an overactive thyroid?"),
	HEPATIC_IMPAIRMENT("Hepatic impairment", "Do you have liver disease, for example cirrhosis or hepatitis?"),
	URINARY_SYMPTOMS("Urinary symptoms", "Do you have bladder pain, or need to pass urine often or urgently?"),
	PORPHYRIA("Porphyria", "Have you been told you have porphyria (a rare blood disorder)?");

	private final String label;

	private final String question;

	ConditionCode(String label, String question) {
		this.label = label;
		this.question = question;
	}

	/**
	 * How the patient's own questionnaire asks about it: plain words, no codes (issue
	 * 14).
	 */
	public String question() {
		return this.question;
	}

	/** What the intake form shows for this code. */
	/**
	 * A "yes" or "not sure" shows the crisis notice at once, before the form is sent
	 * (clinical.md section 3).
	 */
	public boolean crisis() {
		return this == ACUTE_SUICIDALITY_NEEDS_HIGHER_CARE;
	}

	public String label() {
		return this.label;
	}

}
