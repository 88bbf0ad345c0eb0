package org.kapclinic.audit;

/**
 * Result of re-computing the audit hash chain.
 *
 * @param valid every sealed entry matches its seal and no entry escaped sealing
 * @param entries how many sealed entries were checked
 * @param firstBrokenId the first entry id where the chain breaks, or {@code null}
 */
record ChainVerification(boolean valid, long entries, Long firstBrokenId) {
}
