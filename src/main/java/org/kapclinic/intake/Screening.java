package org.kapclinic.intake;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One evaluation of a patient's intake against the rule set version it names. */
record Screening(UUID id, UUID patientId, List<Finding> findings, String ruleSetVersion, int intakeRevision,
		Instant evaluatedAt) {

	public List<Finding> findingsFor(Program program) {
		return this.findings.stream().filter((finding) -> finding.appliesTo(program)).toList();
	}

}
