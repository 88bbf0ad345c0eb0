package org.kapclinic.audit;

import java.util.UUID;

/**
 * Result of re-computing the audit chain.
 *
 * @param valid every sealed entry matches its seal, no entry escaped sealing, and the
 * chain still holds what the checkpoint (if one was given) recorded
 * @param entries how many sealed entries were checked
 * @param firstBrokenId the first entry id where the chain breaks, or {@code null}
 * @param checkpoint the checkpoint verified against, or {@code null}
 * @param problem what is wrong, in words, or {@code null}
 */
record ChainVerification(boolean valid, long entries, Long firstBrokenId, UUID checkpoint, String problem) {

	ChainVerification(boolean valid, long entries, Long firstBrokenId) {
		this(valid, entries, firstBrokenId, null, valid ? null : "the chain breaks at entry " + firstBrokenId
				+ ": an entry was changed, removed, " + "reordered or added behind the sealer");
	}

	/** The same verification measured against a checkpoint. */
	ChainVerification against(AuditCheckpoints.Checkpoint checkpoint, String checkpointProblem) {
		if (checkpointProblem == null || !this.valid) {
			return new ChainVerification(this.valid, this.entries, this.firstBrokenId, checkpoint.id(), this.problem);
		}
		return new ChainVerification(false, this.entries, checkpoint.lastEntryId(), checkpoint.id(), checkpointProblem);
	}

}
