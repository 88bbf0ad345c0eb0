package org.kapclinic.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.kapclinic.fund.FundAwards;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.Money;
import org.kapclinic.shared.NotFoundException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Billing staff's pages (issue 20): the charges to review and the aging summary
 * ({@code /billing}), and one patient's account ({@code /billing/patients/{id}}):
 * charges, sliding scale, invoices, payments and the superbill. Amounts are typed in
 * dollars and cents and kept as minor units.
 */
@Controller
@PreAuthorize("hasAnyRole('ADMIN', 'BILLING')")
class BillingPages {

	private final Charges charges;

	private final Invoices invoices;

	private final Payments payments;

	private final SlidingScales slidingScales;

	private final Superbills superbills;

	private final Aging aging;

	private final FundAwards awards;

	private final Patients patients;

	private final ClinicTime clinicTime;

	private final Clock clock;

	private final BillingSettings settings;

	private final FeeSchedules schedules;

	private final ManualCharges manual;

	private final org.kapclinic.identity.ClinicianNpis clinicians;

	BillingPages(Charges charges, Invoices invoices, Payments payments, SlidingScales slidingScales,
			Superbills superbills, Aging aging, FundAwards awards, Patients patients, ClinicTime clinicTime,
			Clock clock, BillingSettings settings, FeeSchedules schedules, ManualCharges manual,
			org.kapclinic.identity.ClinicianNpis clinicians) {
		this.clinicians = clinicians;
		this.schedules = schedules;
		this.manual = manual;
		this.settings = settings;
		this.charges = charges;
		this.invoices = invoices;
		this.payments = payments;
		this.slidingScales = slidingScales;
		this.superbills = superbills;
		this.aging = aging;
		this.awards = awards;
		this.patients = patients;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@GetMapping("/billing")
	String home(Model model) {
		var proposed = this.charges.proposed(200);
		model.addAttribute("proposed", proposed);
		model.addAttribute("names", this.patients.names(proposed.stream().map(Charge::patientId).toList()));
		model.addAttribute("aging", this.aging.report(this.settings.currency()));
		model.addAttribute("buckets", Aging.BUCKETS);
		return "billing/home";
	}

	@PostMapping("/billing/find")
	String find(@RequestParam(required = false) String mrn) {
		UUID patient = this.patients.idOfMrn(mrn)
			.orElseThrow(
					() -> InvalidInputException.of("mrn", "the patient's MRN, as on their chart (e.g. KAP-100061)"));
		return "redirect:/billing/patients/" + patient;
	}

	@PostMapping("/billing/charges/{id}/post")
	String post(@PathVariable UUID id, @RequestParam(required = false) String back, RedirectAttributes redirect) {
		Charge charge = this.charges.post(id);
		redirect.addFlashAttribute("message",
				"Posted " + charge.code() + " × " + charge.units() + " (" + charge.amount() + ").");
		return "redirect:" + back(back, charge.patientId());
	}

	@PostMapping("/billing/charges/{id}/void")
	String voidCharge(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		Charge charge = this.charges.voidCharge(id, reason);
		redirect.addFlashAttribute("message", "Voided " + charge.code() + ".");
		return "redirect:" + back(back, charge.patientId());
	}

	@GetMapping("/billing/patients/{id}")
	String account(@PathVariable UUID id, Model model) {
		var patient = this.patients.billingContact(id).orElseThrow(() -> new NotFoundException("Patient", id));
		LocalDate today = this.clinicTime.today(this.clock);
		model.addAttribute("patient", patient);
		model.addAttribute("charges", this.charges.forPatient(id));
		model.addAttribute("invoices", this.invoices.forPatient(id));
		model.addAttribute("scale", this.slidingScales.inForce(id, today).orElse(null));
		model.addAttribute("awards", this.awards.available(id));
		model.addAttribute("methods", PaymentMethod.values());
		model.addAttribute("today", today);
		model.addAttribute("monthStart", today.withDayOfMonth(1));
		model.addAttribute("clinicians", this.clinicians.all());
		model.addAttribute("feeLines",
				this.schedules.inForce(today).map(FeeSchedule::lines).orElse(java.util.List.of()));
		return "billing/account";
	}

	@PostMapping("/billing/patients/{id}/charges")
	String addCharge(@PathVariable UUID id, @RequestParam(required = false) String code,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate serviceDate,
			@RequestParam(required = false) Integer units, @RequestParam(required = false) String reason,
			@RequestParam(required = false) UUID renderingClinicianId, RedirectAttributes redirect) {
		Charge charge = this.manual.add(id,
				new ManualCharges.ManualCharge(code, serviceDate, units, reason, renderingClinicianId));
		redirect.addFlashAttribute("message",
				"Added and posted " + charge.code() + " × " + charge.units() + " (" + charge.amount() + ").");
		return "redirect:/billing/patients/" + id;
	}

	@PostMapping("/billing/patients/{id}/sliding-scale")
	String assess(@PathVariable UUID id, @RequestParam(required = false) Integer householdSize,
			@RequestParam(required = false) BigDecimal annualIncome, @RequestParam(required = false) String evidence,
			RedirectAttributes redirect) {
		SlidingScale scale = this.slidingScales.assess(id,
				new SlidingScales.Assessment(householdSize, minor(annualIncome, "annualIncome"), evidence));
		redirect.addFlashAttribute("message", "The household's income is " + scale.povertyPercent() + " % of the "
				+ scale.guidelineYear() + " poverty guideline: " + tier(scale) + ", until " + scale.expiresOn() + ".");
		return "redirect:/billing/patients/" + id;
	}

	@PostMapping("/billing/patients/{id}/invoices")
	String invoice(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			RedirectAttributes redirect) {
		Invoice invoice = this.invoices.issue(id, new Invoices.InvoiceRequest(from, to));
		redirect.addFlashAttribute("message", "Invoice no. " + invoice.number() + " issued: " + invoice.total() + ".");
		return "redirect:/billing/patients/" + id;
	}

	@PostMapping("/billing/invoices/{id}/payments")
	String pay(@PathVariable UUID id, @RequestParam(required = false) BigDecimal amount,
			@RequestParam(required = false) PaymentMethod method, @RequestParam(required = false) String reference,
			@RequestParam(required = false) UUID fundAward, RedirectAttributes redirect) {
		UUID award = (method == PaymentMethod.FUND_AWARD) ? fundAward : null;
		Payment payment = this.payments
			.record(new Payments.PaymentRequest(id, minor(amount, "amount"), method, reference, null, award));
		redirect.addFlashAttribute("message", "Recorded " + payment.amount() + " (" + payment.methodLabel() + ").");
		return "redirect:/billing/patients/" + payment.patientId();
	}

	@PostMapping("/billing/invoices/{id}/void")
	String voidInvoice(@PathVariable UUID id, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		Invoice invoice = this.invoices.voidInvoice(id, reason);
		redirect.addFlashAttribute("message",
				"Invoice no. " + invoice.number() + " voided; its charges may be " + "invoiced again.");
		return "redirect:/billing/patients/" + invoice.patientId();
	}

	@GetMapping("/billing/patients/{id}/superbill.pdf")
	ResponseEntity<byte[]> superbill(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"superbill-" + from + "-" + to + ".pdf\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.superbills.pdf(id, from, to));
	}

	static String tier(SlidingScale scale) {
		return (scale.discountPercent() > 0) ? "tier " + scale.tier() + ", " + scale.discountPercent() + " % off"
				: "full fee";
	}

	/** Only a path on this site, else the patient's account. */
	private static String back(String back, UUID patientId) {
		return (back != null && back.startsWith("/billing") && !back.startsWith("//")) ? back
				: "/billing/patients/" + patientId;
	}

	private Long minor(BigDecimal amount, String field) {
		return Money.typed(amount, this.settings.currency(), field);
	}

}
