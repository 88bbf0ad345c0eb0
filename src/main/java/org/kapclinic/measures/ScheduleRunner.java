package org.kapclinic.measures;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Brings schedules forward on a timer: creates interval occurrences and sends links for
 * whatever has fallen due, batch by batch (each batch its own transaction, rows claimed
 * with SKIP LOCKED, so several instances share the work). Off with
 * {@code kap.measures.schedule.enabled=false}.
 */
@Component
@ConditionalOnProperty(name = "kap.measures.schedule.enabled", matchIfMissing = true)
class ScheduleRunner {

	private static final Logger log = LoggerFactory.getLogger(ScheduleRunner.class);

	private final DueMeasures due;

	private final SelfReportLinks selfReportLinks;

	ScheduleRunner(DueMeasures due, SelfReportLinks selfReportLinks) {
		this.due = due;
		this.selfReportLinks = selfReportLinks;
	}

	@Scheduled(fixedDelayString = "${kap.measures.schedule.poll-interval:30s}",
			initialDelayString = "${kap.measures.schedule.poll-interval:30s}")
	@SchedulerLock(name = "measure-schedules", lockAtMostFor = "10m", lockAtLeastFor = "5s")
	public void tick() {
		try {
			runOnce();
		}
		catch (RuntimeException ex) {
			log.warn("Measure schedule pass failed; the next pass retries", ex);
		}
	}

	/** Materialises and sends until nothing is left; returns the occurrences sent. */
	int runOnce() {
		while (this.due.materialiseIntervals() > 0) {
			// each call is a transaction of at most 1000 schedules
		}
		int sent = 0;
		int batch;
		while ((batch = this.selfReportLinks.sendDue()) > 0) {
			sent += batch;
		}
		return sent;
	}

}
