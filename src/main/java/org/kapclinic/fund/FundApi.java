package org.kapclinic.fund;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.kapclinic.fund.FundApplicationRequests.ApplicationRequest;
import org.kapclinic.fund.FundApplicationRequests.DecisionRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
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
 * The access fund over the API (issue 20): billing staff, the fund committee and
 * administrators only; clinicians get 403 on every path.
 */
@RestController
class FundApi {

	private final Donations donations;

	private final FundApplications applications;

	private final FundBalances balances;

	private final FundImpact impact;

	private final FundAwards awards;

	private final DonationReceipts receipts;

	FundApi(Donations donations, FundApplications applications, FundBalances balances, FundImpact impact,
			FundAwards awards, DonationReceipts receipts) {
		this.receipts = receipts;
		this.awards = awards;
		this.impact = impact;
		this.donations = donations;
		this.applications = applications;
		this.balances = balances;
	}

	@PostMapping("/api/v1/fund/donations")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(
			summary = "Record a donation received {\"donorName\",\"anonymous\",\"email\",\"amountMinor\",\"currency\","
					+ "\"restriction\" (UNRESTRICTED, PROGRAM:KAP, CONDITION:F43.1, …),\"receivedOn\",\"method\" (CASH, CARD, "
					+ "CHECK, TRANSFER, OTHER)}: it credits its restriction and, with an e-mail, queues the receipt")
	Donation donate(@RequestBody DonationRequest request) {
		return this.donations.record(request);
	}

	@GetMapping("/api/v1/fund/donations")
	@Operation(summary = "The latest donations, newest first (anonymous donors unnamed)")
	List<Donation> donations(@RequestParam(defaultValue = "100") int limit) {
		return this.donations.latest(Math.max(1, Math.min(limit, 1000)));
	}

	@GetMapping("/api/v1/fund/donations/{id}/receipt")
	@Operation(summary = "A donation's receipt as PDF")
	ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.receipts.pdf(id));
	}

	@GetMapping("/api/v1/fund/awards")
	@Operation(summary = "A patient's awards with money left, for paying their invoices (billing staff)")
	List<FundAwards.Available> awards(@RequestParam(required = false) UUID patientId) {
		return this.awards.available(patientId);
	}

	@GetMapping("/api/v1/fund/balances")
	@Operation(summary = "Each restriction's balance in minor units, derived from the ledger")
	List<FundLedger.Balance> balances() {
		return this.balances.list();
	}

	@GetMapping("/api/v1/fund/impact")
	@Operation(
			summary = "The donor impact report for ?from=&to= (dates; this year to today by default): received and awarded money, donations and "
					+ "awards, and donors and patients helped, people counted below kap.reports.min-cell suppressed")
	FundImpact.Impact impact(@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = ISO.DATE) LocalDate to) {
		return this.impact.of(from, to);
	}

	@PostMapping("/api/v1/fund/applications")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Apply for a patient {\"patientId\",\"householdSize\",\"annualIncomeMinor\",\"currency\","
			+ "\"needStatement\"} → the application with povertyPercent (income as a percent of the HHS poverty "
			+ "guideline for the household, rounded down) and the guideline year used")
	FundApplication apply(@RequestBody ApplicationRequest request) {
		return this.applications.apply(request);
	}

	@GetMapping("/api/v1/fund/applications")
	@Operation(summary = "Applications, oldest first; ?status=PENDING|AWARDED|DECLINED")
	List<FundApplication> list(@RequestParam(required = false) String status) {
		return this.applications.list(status);
	}

	@PostMapping("/api/v1/fund/applications/{id}/decision")
	@Operation(summary = "The committee decides once {\"decision\" (AWARDED, DECLINED),\"amountMinor\",\"restriction\","
			+ "\"reason\"}; 409 INSUFFICIENT_FUNDS when the restriction's balance does not cover the award, 422 "
			+ "RESTRICTION_DOES_NOT_FIT when its money may not pay for this patient")
	FundApplication decide(@PathVariable UUID id, @RequestBody DecisionRequest request) {
		return this.applications.decide(id, request);
	}

}
