package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Charges, invoices, payments, the aging report, superbills and the sliding scale over
 * the API (issue 20). Billing staff and administrators; clinicians may read a patient's
 * charges.
 */
@RestController
@Tag(name = "Billing")
class BillingApi {

	private final Charges charges;

	private final Invoices invoices;

	private final Payments payments;

	private final Aging aging;

	private final Superbills superbills;

	private final SlidingScales slidingScales;

	private final ManualCharges manual;

	BillingApi(Charges charges, Invoices invoices, Payments payments, Aging aging, Superbills superbills,
			SlidingScales slidingScales, ManualCharges manual) {
		this.manual = manual;
		this.charges = charges;
		this.invoices = invoices;
		this.payments = payments;
		this.aging = aging;
		this.superbills = superbills;
		this.slidingScales = slidingScales;
	}

	/** {@code {"reason"}}. */
	record Reason(String reason) {
	}

	/** {@code {"from","to"}}. */
	record Period(LocalDate from, LocalDate to) {
	}

	@GetMapping("/api/v1/patients/{id}/charges")
	@Operation(summary = "A patient's charges: proposed, posted and voided lines with code, units and amountMinor")
	List<Charge> charges(@PathVariable UUID id) {
		return this.charges.forPatient(id);
	}

	@PostMapping("/api/v1/patients/{id}/charges")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add a charge by hand {\"code\",\"serviceDate\",\"units\",\"reason\"}: priced by the fee "
			+ "schedule in force on that date, posted at once")
	Charge addCharge(@PathVariable UUID id, @RequestBody ManualCharges.ManualCharge request) {
		return this.manual.add(id, request);
	}

	@GetMapping("/api/v1/billing/charges/proposed")
	@Operation(summary = "Proposed charges waiting for review, oldest service first")
	List<Charge> proposed(@RequestParam(defaultValue = "200") int limit) {
		return this.charges.proposed(Math.max(1, Math.min(limit, 5000)));
	}

	@PostMapping("/api/v1/charges/{id}/post")
	@Operation(summary = "Post a proposed charge")
	Charge post(@PathVariable UUID id) {
		return this.charges.post(id);
	}

	@PostMapping("/api/v1/billing/charges/post")
	@Operation(summary = "Post every proposed charge with a service date in {\"from\",\"to\"}; answers {\"posted\"}")
	Map<String, Integer> postAll(@RequestBody Period period) {
		return Map.of("posted", this.charges.postAll(period.from(), period.to()));
	}

	@PostMapping("/api/v1/charges/{id}/void")
	@Operation(summary = "Void a charge not on an invoice {\"reason\"}; it is kept, marked voided")
	Charge voidCharge(@PathVariable UUID id, @RequestBody Reason request) {
		return this.charges.voidCharge(id, request.reason());
	}

	@PostMapping("/api/v1/patients/{id}/invoices")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Invoice the patient's posted charges of {\"from\",\"to\"} (a visit: one day)")
	Invoice invoice(@PathVariable UUID id, @RequestBody Invoices.InvoiceRequest request) {
		return this.invoices.issue(id, request);
	}

	@GetMapping("/api/v1/patients/{id}/invoices")
	@Operation(summary = "A patient's invoices with their balances, newest first")
	List<Invoice> invoices(@PathVariable UUID id) {
		return this.invoices.forPatient(id);
	}

	@GetMapping("/api/v1/invoices/{id}")
	@Operation(summary = "The patient statement: an invoice with its lines and payments")
	Invoice invoice(@PathVariable UUID id) {
		return this.invoices.find(id);
	}

	@PostMapping("/api/v1/invoices/{id}/void")
	@Operation(summary = "Void an invoice with nothing paid on it {\"reason\"}; its charges may be invoiced again")
	Invoice voidInvoice(@PathVariable UUID id, @RequestBody Reason request) {
		return this.invoices.voidInvoice(id, request.reason());
	}

	@PostMapping("/api/v1/payments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a payment {\"invoiceId\",\"amountMinor\",\"method\" (CASH, CARD_TERMINAL, CHECK, "
			+ "TRANSFER, FUND_AWARD),\"reference\",\"receivedOn\",\"fundAwardId\"}; never more than the balance")
	Payment pay(@RequestBody Payments.PaymentRequest request) {
		return this.payments.record(request);
	}

	@PostMapping("/api/v1/payments/{id}/refund")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Refund part or all of a payment {\"amountMinor\",\"reason\"}")
	Payment refund(@PathVariable UUID id, @RequestBody Payments.RefundRequest request) {
		return this.payments.refund(id, request);
	}

	@GetMapping("/api/v1/billing/aging")
	@Operation(summary = "What patients owe on open invoices by age: 0–30, 31–60, 61–90, over 90 days")
	Aging.Report aging(@RequestParam(defaultValue = "USD") String currency) {
		return this.aging.report(currency);
	}

	@GetMapping("/api/v1/patients/{id}/superbill")
	@Operation(summary = "The superbill of the posted services from..to, as PDF")
	ResponseEntity<byte[]> superbill(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"superbill-" + from + "-" + to + ".pdf\"")
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.superbills.pdf(id, from, to));
	}

	@PostMapping("/api/v1/patients/{id}/sliding-scale")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Assess the sliding scale {\"householdSize\",\"annualIncomeMinor\",\"evidence\"}: the "
			+ "percent of the HHS poverty guidelines, the clinic's tier and discount, valid a year")
	SlidingScale assess(@PathVariable UUID id, @RequestBody SlidingScales.Assessment request) {
		return this.slidingScales.assess(id, request);
	}

}
