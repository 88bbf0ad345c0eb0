package org.kapclinic.fund;

import java.util.List;
import java.util.UUID;

import org.kapclinic.reports.CohortChange;
import org.kapclinic.reports.PairedChange;

import org.kapclinic.shared.Money;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.reports.ReportSettings;
import org.kapclinic.reports.SmallCells;
import org.kapclinic.reports.SmallCells.Cell;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The donor impact report (issue 20): what came in and went out over a period, and how
 * many patients were helped, the counts of people suppressed below
 * {@code kap.reports.min-cell} (11) as in the outcomes report, so no patient can be
 * picked out. Money totals are shown: they name nobody. The outcome change of the
 * patients funded comes from the outcomes report's read model, shown only over
 * {@code kap.reports.min-cell} patients.
 */
@Service
@Transactional(readOnly = true)
public class FundImpact {

	private final JdbcClient jdbc;

	private final FundSettings settings;

	private final ReportSettings reportSettings;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final java.time.Clock clock;

	private final CohortChange change;

	FundImpact(JdbcClient jdbc, FundSettings settings, ReportSettings reportSettings, AuditTrail audit,
			ClinicTime clinicTime, java.time.Clock clock, CohortChange change) {
		this.change = change;
		this.clock = clock;
		this.jdbc = jdbc;
		this.settings = settings;
		this.reportSettings = reportSettings;
		this.audit = audit;
		this.clinicTime = clinicTime;
	}

	/**
	 * The period's figures.
	 *
	 * @param donors distinct donors (by name), suppressed when small
	 * @param patientsHelped distinct patients awarded, suppressed when small
	 */
	public record Impact(LocalDate from, LocalDate to, String currency, long receivedMinor, String received,
			int donations, Cell<Integer> donors, long awardedMinor, String awarded, int awards,
			Cell<Integer> patientsHelped, int minCell, Outcome outcome) {
	}

	/**
	 * The outcome change of the patients awarded in the period, from the outcomes report:
	 * baseline to end of course on {@code instrument}; the means are shown only when at
	 * least {@code minCell} of them have both scores.
	 *
	 * @param meanChange negative is better on every symptom scale; null when suppressed
	 */
	public record Outcome(String instrument, Cell<Integer> patients, Double baselineMean, Double endMean,
			Double meanChange) {

		public boolean shown() {
			return this.meanChange != null;
		}

	}

	private Outcome outcome(List<UUID> funded, int min) {
		String instrument = this.settings.impactInstrument();
		PairedChange change = this.change.of(instrument, funded);
		boolean shown = change.n() >= min;
		return new Outcome(instrument, SmallCells.of(change.n(), change.n(), min),
				shown ? round(change.baselineMean()) : null, shown ? round(change.followUpMean()) : null,
				shown ? round(change.changeMean()) : null);
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FUND_COMMITTEE')")
	public Impact of(LocalDate from, LocalDate to) {
		LocalDate today = this.clinicTime.today(this.clock);
		to = (to != null) ? to : today;
		from = (from != null) ? from : to.withDayOfYear(1);
		if (to.isBefore(from)) {
			throw InvalidInputException.of("from", "a period: from on or before to (dates)");
		}
		int min = this.reportSettings.minCell();
		String currency = this.settings.currency();
		long[] in = this.jdbc.sql("""
				select coalesce(sum(amount_minor), 0), count(*), count(distinct lower(donor_name))
				from fund.donation where received_on between ? and ?""")
			.params(from, to)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		ZoneId zone = this.clinicTime.timeZone();
		long[] out = this.jdbc.sql("""
				select coalesce(sum(award_minor), 0), count(*), count(distinct patient_id)
				from fund.application where status = 'AWARDED' and decided_at >= ? and decided_at < ?""")
			.params(Timestamp.from(from.atStartOfDay(zone).toInstant()),
					Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.single();
		List<UUID> funded = this.jdbc.sql("""
				select distinct patient_id from fund.application
				where status = 'AWARDED' and decided_at >= ? and decided_at < ?""")
			.params(Timestamp.from(from.atStartOfDay(zone).toInstant()),
					Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query(UUID.class)
			.list();
		Impact impact = new Impact(from, to, currency, in[0], Money.format(in[0], currency), (int) in[1],
				SmallCells.of((int) in[2], (int) in[2], min), out[0], Money.format(out[0], currency), (int) out[1],
				SmallCells.of((int) out[2], (int) out[2], min), min, outcome(funded, min));
		this.audit.record(AuditEvent.of(AuditAction.QUERY, "FundImpact", null)
			.category(DataCategory.ADMINISTRATION)
			.detail("donor impact " + from + ".." + to));
		return impact;
	}

}
