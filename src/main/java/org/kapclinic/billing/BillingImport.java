package org.kapclinic.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo clinic's billing: a fictional practice (its NPI starts with 9, which NPPES
 * never issues, yet has a correct check digit) and a first fee schedule at made-up
 * prices. Not reachable from any web endpoint.
 */
@Service
@NamedInterface("demo")
public class BillingImport {

	/** Made-up prices in cents for the starter lines. */
	private static final Map<String, Long> DEMO_PRICES = Map.ofEntries(Map.entry("90791", 35_000L),
			Map.entry("99204", 30_000L), Map.entry("90837", 18_000L), Map.entry("99214", 15_000L),
			Map.entry("96365", 45_000L), Map.entry("96366", 15_000L), Map.entry("J3490", 5_000L),
			Map.entry("96372", 4_000L), Map.entry("0820T", 20_000L), Map.entry("G2082", 40_000L),
			Map.entry("G2083", 48_000L), Map.entry("J0013", 1_500L));

	private final JdbcClient jdbc;

	private final Clock clock;

	BillingImport(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/** The practice and fee schedule version 1, unless a schedule exists already. */
	@Transactional
	public void demoPractice(UUID adminId, LocalDate effectiveFrom) {
		if (this.jdbc.sql("select count(*) from billing.fee_schedule").query(Long.class).single() > 0) {
			return;
		}
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc
			.sql("""
					insert into billing.clinic (singleton, name, address, npi, tin, place_of_service, updated_at, updated_by)
					values (true, 'Willowmere Ketamine Clinic (demo)', '12 Imaginary Lane, Faketown, CO 80000', '9000000015',
					        '00-0000000', '11', ?, ?) on conflict do nothing""")
			.params(now, adminId)
			.update();
		UUID schedule = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into billing.fee_schedule (id, version, effective_from, currency, note, published_at, published_by)
					values (?, 1, ?, 'USD', 'Demo prices (made up)', ?, ?)""")
			.params(schedule, effectiveFrom, now, adminId)
			.update();
		FeeSchedules.insertLines(this.jdbc, schedule, StarterFees.lines()
			.stream()
			.map((l) -> new FeeLine(l.codeSystem(), l.code(), l.modifiers(), l.description(),
					DEMO_PRICES.getOrDefault(l.code(), 0L), l.unitsRule(), l.appliesTo(), l.overMg(), l.upToMg()))
			.toList());
	}

}
