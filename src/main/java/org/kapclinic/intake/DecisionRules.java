package org.kapclinic.intake;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.kapclinic.intake.Decision.Outcome;

/**
 * Which decisions the findings allow, per program. An ABSOLUTE finding leaves only
 * NOT_ELIGIBLE; any RELATIVE finding rules out a plain ELIGIBLE, and
 * ELIGIBLE_WITH_PRECAUTIONS needs a written mitigation for each of them.
 */
final class DecisionRules {

	private DecisionRules() {
	}

	/** Why the decision contradicts the findings; empty when it does not. */
	static List<String> contradictions(List<Finding> findings, Outcome decision, Map<String, String> mitigations) {
		List<String> reasons = new ArrayList<>();
		if (decision == Outcome.NOT_ELIGIBLE) {
			return reasons;
		}
		for (Finding finding : findings) {
			if (finding.severity() == Severity.ABSOLUTE) {
				reasons.add(finding.rule() + ": absolute contraindication (" + finding.detail() + ")");
			}
			else if (decision == Outcome.ELIGIBLE) {
				reasons.add(finding.rule() + ": relative finding; decide ELIGIBLE_WITH_PRECAUTIONS with a mitigation");
			}
			else {
				String mitigation = (mitigations != null) ? mitigations.get(finding.rule()) : null;
				if (mitigation == null || mitigation.isBlank()) {
					reasons.add(finding.rule() + ": a written mitigation is required");
				}
			}
		}
		return reasons;
	}

}
