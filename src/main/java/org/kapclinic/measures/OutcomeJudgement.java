package org.kapclinic.measures;

/**
 * A baseline-to-follow-up change judged by the instrument's own published definitions
 * ({@link OutcomeRules}): each null where the instrument publishes none.
 */
public record OutcomeJudgement(Boolean response, Boolean remission, Boolean meaningfulChange) {

	public static final OutcomeJudgement NONE = new OutcomeJudgement(null, null, null);

}
