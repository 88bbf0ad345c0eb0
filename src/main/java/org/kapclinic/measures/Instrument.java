package org.kapclinic.measures;

import java.util.List;

/**
 * One rating instrument as shipped in {@code resources/instruments/<CODE>.json} (format
 * in that folder's README). Adding an instrument with the existing scoring types needs no
 * Java change.
 */
record Instrument(String code, String name, String version, Mode mode, String recallPeriod, String licence,
		String source, Loinc loinc, List<Item> items, Scoring scoring, Response response, Remission remission,
		Change meaningfulChange, Change reliableChange) {

	/**
	 * Whether the item asks about suicide risk (a {@code suicide-risk} flag names it).
	 */
	public boolean asksSuicideRisk(Item item) {
		return suicideRiskFlags(item).findAny().isPresent();
	}

	/**
	 * Whether this answer to the item raises the suicide-risk flag: a patient's page
	 * shows the crisis notice as soon as it is chosen.
	 */
	public boolean suicideRisk(Item item, int score) {
		return suicideRiskFlags(item).anyMatch((flag) -> score >= flag.atLeast());
	}

	private java.util.stream.Stream<Flag> suicideRiskFlags(Item item) {
		if (this.scoring == null || this.scoring.flags() == null) {
			return java.util.stream.Stream.empty();
		}
		return this.scoring.flags()
			.stream()
			.filter((flag) -> "suicide-risk".equals(flag.code()) && !Boolean.TRUE.equals(flag.total())
					&& item.id().equals(flag.item()));
	}

	/**
	 * FORM: the patient or staff answer the items; SCORE_ENTRY: a clinician enters the
	 * total.
	 */
	public enum Mode {

		FORM("Answered item by item"), SCORE_ENTRY("Total entered by a clinician");

		private final String label;

		Mode(String label) {
			this.label = label;
		}

		/** What people read (the API keeps the code). */
		public String label() {
			return this.label;
		}

		/** The items are answered (and scored here). */
		public boolean form() {
			return this == FORM;
		}

	}

	public record Loinc(String panel, String total) {
	}

	public record Item(String id, String text, boolean scored, String loinc, List<Option> options) {

		boolean allows(int score) {
			return this.options.stream().anyMatch((option) -> option.score() == score);
		}

	}

	public record Option(String label, int score) {
	}

	/**
	 * @param type SUM, MEAN or NONE
	 * @param missing INCOMPLETE: any unanswered scored item leaves no total and no
	 * severity
	 * @param algorithm a named special rule (PCL5_DSM5, AUDIT_C_SEX_CUTOFF, QIDS_DOMAINS,
	 * MDQ_POSITIVE, CSSRS_RISK) or null
	 */
	public record Scoring(String type, double min, double max, String missing, List<Band> bands,
			List<Subscale> subscales, List<Flag> flags, String algorithm) {
	}

	/** A severity band, inclusive at both ends. */
	public record Band(String code, double min, double max) {
	}

	public record Subscale(String code, List<String> items) {
	}

	/**
	 * A flag raised when an item's answer ({@code item}) or the total ({@code total}
	 * true) reaches {@code atLeast}; {@code configKey} names a setting that overrides the
	 * threshold.
	 */
	public record Flag(String code, String item, double atLeast, Boolean total, String configKey) {
	}

	/**
	 * The published response definition: a reduction from baseline of at least
	 * {@code reductionPercent} per cent or at least {@code reductionPoints} points
	 * (exactly one is set). Null where none is published: the summary then reports
	 * response as null, never false.
	 */
	public record Response(Double reductionPercent, Double reductionPoints, String source) {
	}

	/**
	 * The published remission threshold: the latest total {@code below} a value or
	 * {@code atMost} a value (exactly one is set); {@code configKey} names a setting that
	 * overrides it. Null where none is published.
	 */
	public record Remission(Double below, Double atMost, String configKey, String source) {
	}

	/**
	 * A drop in points that means something, and what it means: {@code kind} is
	 * MINIMAL_IMPORTANT_DIFFERENCE (patients notice it), RELIABLE_CHANGE_INDEX (beyond
	 * measurement error) or RELIABLE_IMPROVEMENT (NHS Talking Therapies' criterion).
	 */
	public record Change(String kind, double points, String source) {
	}

}
