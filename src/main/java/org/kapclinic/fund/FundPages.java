package org.kapclinic.fund;

import org.kapclinic.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.fund.FundApplicationRequests.ApplicationRequest;
import org.kapclinic.fund.FundApplicationRequests.DecisionRequest;
import org.kapclinic.intake.Program;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.CoursePrograms;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The access fund's pages (issue 20): balances and donations ({@code /fund}), and
 * applications with the committee's decisions ({@code /fund/applications}). Amounts are
 * typed in dollars and cents and kept as minor units.
 */
@Controller
class FundPages {

	private final Donations donations;

	private final FundApplications applications;

	private final FundBalances balances;

	private final FundSettings settings;

	private final Patients patients;

	private final FundImpact impact;

	private final Pledges pledges;

	private final org.kapclinic.shared.ClinicTime clinicTime;

	private final java.time.Clock clock;

	private final DonationReceipts receipts;

	private final CoursePrograms courses;

	FundPages(Donations donations, FundApplications applications, FundBalances balances, FundSettings settings,
			Patients patients, FundImpact impact, org.kapclinic.shared.ClinicTime clinicTime, java.time.Clock clock,
			Pledges pledges, DonationReceipts receipts, CoursePrograms courses) {
		this.receipts = receipts;
		this.courses = courses;
		this.pledges = pledges;
		this.clock = clock;
		this.impact = impact;
		this.clinicTime = clinicTime;
		this.donations = donations;
		this.applications = applications;
		this.balances = balances;
		this.settings = settings;
		this.patients = patients;
	}

	/** The restrictions offered in the forms: unrestricted, then each program. */
	private static List<Restriction> offered() {
		List<Restriction> offered = new ArrayList<>(List.of(Restriction.UNRESTRICTED));
		for (Program program : Program.values()) {
			offered.add(new Restriction("PROGRAM:" + program.name()));
		}
		return offered;
	}

	@GetMapping("/fund")
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FUND_COMMITTEE')")
	String fund(Model model) {
		model.addAttribute("balances", this.balances.list());
		model.addAttribute("donations", this.donations.latest(50));
		model.addAttribute("pledges", this.pledges.open());
		model.addAttribute("restrictions", offered());
		model.addAttribute("methods", DonationMethod.values());
		model.addAttribute("currency", this.settings.currency());
		LocalDate today = this.clinicTime.today(this.clock);
		model.addAttribute("impact", this.impact.of(today.withDayOfYear(1), today));
		return "fund/fund";
	}

	@PostMapping("/fund/donations")
	String donate(@RequestParam(required = false) String donorName, @RequestParam(required = false) boolean anonymous,
			@RequestParam(required = false) String email, @RequestParam(required = false) BigDecimal amount,
			@RequestParam(required = false) String restriction, @RequestParam(required = false) String condition,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) String method, RedirectAttributes redirect) {
		String chosen = (condition != null && !condition.isBlank()) ? "CONDITION:" + condition.strip() : restriction;
		Donation donation = this.donations.record(new DonationRequest(donorName, anonymous, email,
				minor(amount, "amount"), this.settings.currency(), chosen, receivedOn, method));
		redirect.addFlashAttribute("message",
				"Recorded " + donation.amount() + " from " + donation.donorName() + " for "
						+ donation.restrictionLabel() + ": receipt no. " + donation.receiptNumber()
						+ ((email != null && !email.isBlank()) ? ", e-mailed." : "."));
		return "redirect:/fund";
	}

	@GetMapping("/fund/donations/{id}/receipt.pdf")
	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FUND_COMMITTEE')")
	org.springframework.http.ResponseEntity<byte[]> receipt(@PathVariable UUID id) {
		return org.springframework.http.ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header(org.springframework.http.HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.receipts.pdf(id));
	}

	@GetMapping("/fund/applications")
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'BILLING', 'FUND_COMMITTEE')")
	String applications(Model model, org.springframework.security.core.Authentication user) {
		boolean committee = user.getAuthorities()
			.stream()
			.anyMatch((a) -> a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_FUND_COMMITTEE"));
		model.addAttribute("committee", committee);
		List<FundApplication> pending = committee ? this.applications.list("PENDING") : List.of();
		model.addAttribute("pending", pending);
		model.addAttribute("courses", this.courses.courses(pending.stream().map(FundApplication::patientId).toList()));
		model.addAttribute("decided", committee ? this.applications.recentlyDecided(50) : List.of());
		model.addAttribute("restrictions", offered());
		return "fund/applications";
	}

	@PostMapping("/fund/applications")
	String apply(@RequestParam(required = false) String mrn, @RequestParam(required = false) Integer householdSize,
			@RequestParam(required = false) BigDecimal annualIncome,
			@RequestParam(required = false) String needStatement, RedirectAttributes redirect) {
		UUID patient = this.patients.idOfMrn(mrn)
			.orElseThrow(
					() -> InvalidInputException.of("mrn", "the patient's MRN, as on their chart (e.g. KAP-100061)"));
		FundApplication application = this.applications.apply(new ApplicationRequest(patient, householdSize,
				minor(annualIncome, "annualIncome"), this.settings.currency(), needStatement));
		redirect.addFlashAttribute("message", "Application sent to the committee: the household's income is "
				+ application.povertyPercent() + " % of the " + application.guidelineYear() + " poverty guideline.");
		return "redirect:/fund/applications";
	}

	@PostMapping("/fund/applications/{id}/decision")
	String decide(@PathVariable UUID id, @RequestParam(required = false) String decision,
			@RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String restriction,
			@RequestParam(required = false) String reason, @RequestParam(required = false) Integer sessions,
			@RequestParam(required = false) UUID courseId, RedirectAttributes redirect) {
		boolean award = "AWARDED".equals(decision);
		FundApplication decided = this.applications.decide(id,
				new DecisionRequest(decision, award ? minor(amount, "amount") : null, restriction, reason,
						award ? sessions : null, (award && sessions != null) ? courseId : null));
		redirect.addFlashAttribute("message", decided.patientName() + ": " + decided.statusLabel().toLowerCase()
				+ ((decided.award() != null) ? " " + decided.award() + " from " + decided.awardRestriction() : "")
				+ ((decided.awardSessions() != null) ? " for " + decided.awardSessions() + " sessions" : "") + ".");
		return "redirect:/fund/applications";
	}

	/**
	 * Cents of an amount typed in dollars; more than two decimals is refused, not
	 * rounded.
	 */
	private Long minor(BigDecimal amount, String field) {
		return Money.typed(amount, this.settings.currency(), field);
	}

}
