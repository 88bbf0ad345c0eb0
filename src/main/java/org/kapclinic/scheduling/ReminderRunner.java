package org.kapclinic.scheduling;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queues due reminders on a timer ({@code kap.scheduling.reminder-poll}, default 1 min).
 */
@Component
@ConditionalOnProperty(name = "kap.scheduling.reminders-enabled", matchIfMissing = true)
class ReminderRunner {

	private static final Logger log = LoggerFactory.getLogger(ReminderRunner.class);

	private final Reminders reminders;

	ReminderRunner(Reminders reminders) {
		this.reminders = reminders;
	}

	@Scheduled(fixedDelayString = "${kap.scheduling.reminder-poll:1m}",
			initialDelayString = "${kap.scheduling.reminder-poll:1m}")
	@SchedulerLock(name = "reminders", lockAtMostFor = "10m", lockAtLeastFor = "5s")
	public void tick() {
		try {
			while (this.reminders.queueDue() > 0) {
				// each pass is one transaction of at most 1000 appointments per lead time
			}
		}
		catch (RuntimeException ex) {
			log.warn("Reminder pass failed; the next pass retries", ex);
		}
	}

}
