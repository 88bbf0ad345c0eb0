package org.kapclinic.notification;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The outbox's backlog for the metrics (issue 17): {@code kap_outbox_backlog} mails
 * waiting to be sent, {@code kap_outbox_failed} mails given up on (an administrator
 * retries them on the outbox page). Read at each scrape through the partial indexes on
 * the two states.
 */
@Component
class OutboxMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	OutboxMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("kap.outbox.backlog", () -> count("PENDING"))
			.description("Mails waiting to be sent")
			.register(registry);
		Gauge.builder("kap.outbox.failed", () -> count("FAILED"))
			.description("Mails given up on after their retries")
			.register(registry);
	}

	private long count(String status) {
		return this.jdbc.sql("select count(*) from notification.outbox_message where status = ?")
			.param(status)
			.query(Long.class)
			.single();
	}

}
