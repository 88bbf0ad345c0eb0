package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.ClinicianNpis;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.PdfDocuments;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Superbills (issue 20): the posted services of a visit or a period, with what the
 * patient's insurer needs to reimburse them out of network, as a PDF.
 */
@Service
@Transactional(readOnly = true)
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
public class Superbills {

	private final JdbcClient jdbc;

	private final ClinicBilling clinic;

	private final Patients patients;

	private final UserDirectory directory;

	private final ClinicianNpis npis;

	private final PdfDocuments pdf;

	private final AuditTrail audit;

	Superbills(JdbcClient jdbc, ClinicBilling clinic, Patients patients, UserDirectory directory, ClinicianNpis npis,
			PdfDocuments pdf, AuditTrail audit) {
		this.jdbc = jdbc;
		this.clinic = clinic;
		this.patients = patients;
		this.directory = directory;
		this.npis = npis;
		this.pdf = pdf;
		this.audit = audit;
	}

	public Superbill superbill(UUID patientId, LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new InvalidInputException(
					List.of(new FieldProblem("to", "the dates of service: from, then to on or after it")));
		}
		var clinicDetails = this.clinic.details()
			.orElseThrow(() -> new RuleViolationException(
					"The clinic's billing details are not set: an "
							+ "administrator enters the practice's name, address, NPI and TIN first.",
					List.of("NO_BILLING_PROVIDER")));
		var patient = this.patients.billingContact(patientId)
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		List<Charge> charges = this.jdbc.sql("""
				select * from billing.charge where patient_id = ? and status = 'POSTED' and service_date between ? and ?
				order by service_date, code""").params(patientId, from, to).query(ChargeRows::of).list();
		List<String> diagnoses = new ArrayList<>(
				new LinkedHashSet<>(charges.stream().flatMap((c) -> c.diagnoses().stream()).toList()));
		diagnoses = diagnoses.subList(0, Math.min(12, diagnoses.size()));
		List<UUID> clinicians = charges.stream()
			.map(Charge::renderingClinician)
			.filter(java.util.Objects::nonNull)
			.toList();
		Map<UUID, StaffMember> names = this.directory.findAll(clinicians);
		Map<UUID, String> clinicianNpis = this.npis.of(clinicians);
		List<Superbill.Line> lines = new ArrayList<>();
		for (Charge c : charges) {
			StringBuilder pointers = new StringBuilder();
			for (String code : c.diagnoses()) {
				int at = diagnoses.indexOf(code);
				if (at >= 0 && pointers.length() < 4) {
					pointers.append(Superbill.letter(at));
				}
			}
			StaffMember clinician = (c.renderingClinician() == null) ? null : names.get(c.renderingClinician());
			lines.add(new Superbill.Line(c.serviceDate(), clinicDetails.placeOfService(), c.codeSystem(), c.code(),
					c.modifiers(), pointers.toString(), c.units(), c.amountMinor(), c.amount(),
					(clinician == null) ? "" : clinician.displayName(),
					(c.renderingClinician() == null) ? "" : clinicianNpis.getOrDefault(c.renderingClinician(), ""),
					c.description()));
		}
		String currency = charges.isEmpty() ? "USD" : charges.get(0).currency();
		long charged = InvoiceMath.sum(charges.stream().map(Charge::amountMinor).toList());
		UUID[] invoices = charges.stream()
			.map(Charge::invoiceId)
			.filter(java.util.Objects::nonNull)
			.distinct()
			.toArray(UUID[]::new);
		long paid = this.jdbc.sql("""
				select coalesce(sum(case kind when 'PAYMENT' then amount_minor else -amount_minor end), 0)
				from billing.payment where invoice_id = any(?)""").param(invoices).query(Long.class).single();
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, "Superbill", null)
			.patient(patientId)
			.category(DataCategory.ADMINISTRATION)
			.detail("superbill " + from + " to " + to + ": " + lines.size() + " lines"));
		return new Superbill(clinicDetails, patient, from, to, diagnoses, lines, currency, charged, paid);
	}

	/** The superbill as a PDF (billing staff, or the patient on the portal). */
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING') or @selfAccess.is(#patientId)")
	public byte[] pdf(UUID patientId, LocalDate from, LocalDate to) {
		return this.pdf.render("billing/superbill-pdf", Map.of("bill", superbill(patientId, from, to)));
	}

}
