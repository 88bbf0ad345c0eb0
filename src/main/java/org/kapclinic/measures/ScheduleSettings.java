package org.kapclinic.measures;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * When scheduled measures fall due, turn overdue and are sent
 * ({@code kap.measures.schedule.*}). These are clinic policy, not published rules: the
 * defaults below are documented in the README and may be changed per clinic.
 *
 * @param afterDoseOffsets dose-anchored occurrences after each dose (24 h and 7 days, the
 * measurement points the issue names)
 * @param beforeDoseLead a pre-dose occurrence falls due this long before the session and
 * is overdue at its start (2 days)
 * @param overdueAfter how long an occurrence may wait before it is overdue (2 days)
 * @param lookahead interval occurrences appear this long before they fall due (3 days)
 * @param earlyCompletion a measurement completes occurrences due up to this long after it
 * (2 days), so a PHQ-9 taken on Monday counts for Tuesday's
 * @param linkValidity how long an e-mailed self-report link works (3 days)
 * @param sendBatch occurrences sent per transaction by the schedule runner (500)
 */
@ConfigurationProperties("kap.measures.schedule")
record ScheduleSettings(List<Duration> afterDoseOffsets, Duration beforeDoseLead, Duration overdueAfter,
		Duration lookahead, Duration earlyCompletion, Duration linkValidity, Integer sendBatch) {

	ScheduleSettings {
		afterDoseOffsets = (afterDoseOffsets == null || afterDoseOffsets.isEmpty())
				? List.of(Duration.ofHours(24), Duration.ofDays(7)) : List.copyOf(afterDoseOffsets);
		beforeDoseLead = (beforeDoseLead == null) ? Duration.ofDays(2) : beforeDoseLead;
		overdueAfter = (overdueAfter == null) ? Duration.ofDays(2) : overdueAfter;
		lookahead = (lookahead == null) ? Duration.ofDays(3) : lookahead;
		earlyCompletion = (earlyCompletion == null) ? Duration.ofDays(2) : earlyCompletion;
		linkValidity = (linkValidity == null) ? Duration.ofDays(3) : linkValidity;
		sendBatch = (sendBatch == null) ? 500 : sendBatch;
	}

}
