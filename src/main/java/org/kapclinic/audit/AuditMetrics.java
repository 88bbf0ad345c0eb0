package org.kapclinic.audit;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * How far the chain sealer is behind (issue 17): {@code kap_audit_unsealed} is the
 * distance between the newest audit entry and the newest sealed one (two index reads). It
 * stays near zero while the sealer keeps up; growing, it means entries are not yet
 * covered by the hash chain.
 */
@Component
class AuditMetrics implements MeterBinder {

	private final JdbcClient jdbc;

	AuditMetrics(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder("kap.audit.unsealed", this::unsealed)
			.description("Audit entries newer than the newest sealed one")
			.register(registry);
	}

	private long unsealed() {
		return this.jdbc.sql("""
				select coalesce((select max(id) from audit.entry), 0)
				     - coalesce((select max(entry_id) from audit.seal), 0)""").query(Long.class).single();
	}

}
