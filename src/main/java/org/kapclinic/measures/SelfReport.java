package org.kapclinic.measures;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A self-report: the instruments behind one patient link and the answers saved so far.
 *
 * @param draft answers per instrument code, in item order, null where unanswered
 */
record SelfReport(UUID id, UUID patientId, UUID linkId, List<String> instruments, Map<String, List<Integer>> draft,
		Instant createdAt, String emailedTo, Instant submittedAt) {

	/** A new self-report as staff see it: the link (shown once) and where it was sent. */
	public record Issued(UUID id, List<String> instruments, String url, Instant expiresAt,
			String emailedTo) implements java.io.Serializable {
	}

	/**
	 * What a submission produced, and whether the patient must see crisis resources now.
	 */
	public record Submitted(List<Measurement> measurements, boolean suicideRisk) {
	}

}
