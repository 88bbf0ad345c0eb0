package org.kapclinic.billing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.Money;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The aging report (issue 20): what patients owe on open invoices, by how long since the
 * invoice was issued — 0–30, 31–60, 61–90 and over 90 days — per patient and in total.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
public class Aging {

	/** The buckets' names, in order. */
	public static final List<String> BUCKETS = List.of("0–30 days", "31–60 days", "61–90 days", "Over 90 days");

	/** One patient's balances per bucket (minor units) and in words. */
	public record Row(UUID patientId, String mrn, String name, List<Long> bucketsMinor, long totalMinor,
			List<String> buckets, String total) {
	}

	public record Report(LocalDate asOf, String currency, List<Row> rows, List<Long> totalsMinor, List<String> totals) {
	}

	private final InvoiceRows invoices;

	private final Patients patients;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	Aging(InvoiceRows invoices, Patients patients, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.invoices = invoices;
		this.patients = patients;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	public Report report(String currency) {
		LocalDate asOf = this.clinicTime.today(this.clock);
		Map<UUID, long[]> owed = new LinkedHashMap<>();
		for (Invoice invoice : this.invoices.open(currency)) {
			long days = ChronoUnit.DAYS.between(invoice.issuedOn(), asOf);
			int bucket = (days <= 30) ? 0 : (days <= 60) ? 1 : (days <= 90) ? 2 : 3;
			owed.computeIfAbsent(invoice.patientId(), (id) -> new long[4])[bucket] += invoice.balanceMinor();
		}
		Map<UUID, Patients.PatientName> names = this.patients.names(owed.keySet());
		long[] totals = new long[4];
		List<Row> rows = new ArrayList<>();
		owed.forEach((patientId, buckets) -> {
			for (int i = 0; i < 4; i++) {
				totals[i] += buckets[i];
			}
			var name = names.get(patientId);
			rows.add(new Row(patientId, (name == null) ? "" : name.mrn(), (name == null) ? "" : name.displayName(),
					List.of(buckets[0], buckets[1], buckets[2], buckets[3]), sum(buckets), words(buckets, currency),
					Money.format(sum(buckets), currency)));
		});
		rows.sort((a, b) -> Long.compare(b.totalMinor(), a.totalMinor()));
		this.audit.record(AuditEvent.of(AuditAction.QUERY, "Invoice", null)
			.patients(rows.stream().map(Row::patientId).limit(AuditEvent.MAX_PATIENT_IDS).toList())
			.category(DataCategory.ADMINISTRATION)
			.detail("aging report: " + rows.size() + " patients"));
		return new Report(asOf, currency, rows, List.of(totals[0], totals[1], totals[2], totals[3]),
				words(totals, currency));
	}

	private static long sum(long[] buckets) {
		return buckets[0] + buckets[1] + buckets[2] + buckets[3];
	}

	private static List<String> words(long[] buckets, String currency) {
		return java.util.Arrays.stream(buckets).mapToObj((m) -> Money.format(m, currency)).toList();
	}

}
