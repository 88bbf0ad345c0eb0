package org.kapclinic.billing;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.Money;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The administrator's billing setup ({@code /admin/billing}, issue 20): the clinic as
 * billing provider, and the fee schedule — a new version is published with the current
 * lines' prices changed and the date it takes effect (lines are added over the API).
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class BillingSetupPages {

	private final ClinicBilling clinic;

	private final FeeSchedules schedules;

	private final ServiceCodes codes;

	private final BillingSettings settings;

	private final ClinicTime clinicTime;

	private final Clock clock;

	BillingSetupPages(ClinicBilling clinic, FeeSchedules schedules, ServiceCodes codes, BillingSettings settings,
			ClinicTime clinicTime, Clock clock) {
		this.clinic = clinic;
		this.schedules = schedules;
		this.codes = codes;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@GetMapping("/admin/billing")
	String setup(Model model) {
		LocalDate today = this.clinicTime.today(this.clock);
		var current = this.schedules.inForce(today);
		// A refused form comes back with what was typed (flashed), not the saved details.
		if (!model.containsAttribute("clinic")) {
			model.addAttribute("clinic", this.clinic.details().orElse(null));
		}
		model.addAttribute("current", current.orElse(null));
		model.addAttribute("lines", current.map(FeeSchedule::lines).orElseGet(StarterFees::lines));
		model.addAttribute("codes", this.codes.list());
		model.addAttribute("today", today);
		model.addAttribute("currency", this.settings.currency());
		return "billing/setup";
	}

	@PostMapping("/admin/billing/clinic")
	String saveClinic(@RequestParam(required = false) String name, @RequestParam(required = false) String address,
			@RequestParam(required = false) String npi, @RequestParam(required = false) String tin,
			@RequestParam(required = false) String placeOfService, HttpServletRequest request,
			RedirectAttributes redirect) {
		var typed = new ClinicBilling.Details(name, address, (npi == null) ? null : npi.strip(),
				(tin == null) ? null : tin.strip(), placeOfService);
		try {
			this.clinic.save(typed);
		}
		catch (InvalidInputException ex) {
			// Into the flash the refusal's redirect carries (web.PageExceptionHandler).
			org.springframework.web.servlet.support.RequestContextUtils.getOutputFlashMap(request).put("clinic", typed);
			throw ex;
		}
		redirect.addFlashAttribute("message", "Billing details saved.");
		return "redirect:/admin/billing";
	}

	@PostMapping("/admin/billing/fee-schedules")
	String publish(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate effectiveFrom,
			@RequestParam(required = false) String note, HttpServletRequest request, RedirectAttributes redirect) {
		LocalDate today = this.clinicTime.today(this.clock);
		List<FeeLine> base = this.schedules.inForce(today).map(FeeSchedule::lines).orElseGet(StarterFees::lines);
		List<FeeLine> lines = new ArrayList<>();
		for (int i = 0; i < base.size(); i++) {
			FeeLine line = base.get(i);
			long price = price(request.getParameter("price-" + i), "price-" + i);
			lines.add(new FeeLine(line.codeSystem(), line.code(), line.modifiers(), line.description(), price,
					line.unitsRule(), line.appliesTo(), line.overMg(), line.upToMg()));
		}
		FeeSchedule published = this.schedules
			.publish(new FeeScheduleRequest(effectiveFrom, this.settings.currency(), note, lines));
		redirect.addFlashAttribute("message", "Fee schedule version " + published.version()
				+ " published, in force from " + published.effectiveFrom() + ".");
		return "redirect:/admin/billing";
	}

	private long price(String typed, String field) {
		try {
			return Money.minor(new BigDecimal(typed.strip()), this.settings.currency());
		}
		catch (RuntimeException ex) {
			throw InvalidInputException.of(field, "a price in dollars and cents, e.g. 450.00");
		}
	}

}
