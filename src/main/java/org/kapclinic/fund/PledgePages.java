package org.kapclinic.fund;

import org.kapclinic.shared.Money;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import org.kapclinic.intake.Program;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public {@code /donate} page where a donor pledges (issue 20), and the staff's
 * "received" step on the fund page that turns a pledge into a recorded donation.
 */
@Controller
class PledgePages {

	private final Pledges pledges;

	private final FundSettings settings;

	PledgePages(Pledges pledges, FundSettings settings) {
		this.pledges = pledges;
		this.settings = settings;
	}

	@GetMapping("/donate")
	String form(Model model) {
		List<Restriction> choices = new ArrayList<>(List.of(Restriction.UNRESTRICTED));
		for (Program program : Program.values()) {
			choices.add(new Restriction("PROGRAM:" + program.name()));
		}
		model.addAttribute("restrictions", choices);
		model.addAttribute("currency", this.settings.currency());
		return "fund/donate";
	}

	@PostMapping("/donate")
	String pledge(@RequestParam(required = false) String donorName, @RequestParam(required = false) String email,
			@RequestParam(required = false) BigDecimal amount, @RequestParam(required = false) String restriction,
			@RequestParam(required = false) String message, HttpServletRequest request, RedirectAttributes redirect) {
		long minor;
		try {
			minor = (amount != null) ? Money.minor(amount, this.settings.currency()) : 0;
		}
		catch (ArithmeticException ex) {
			throw InvalidInputException.of("amount", "an amount in dollars and cents, e.g. 50.00");
		}
		this.pledges.pledge(donorName, email, minor, restriction, message, request.getRemoteAddr());
		redirect.addFlashAttribute("message", "Thank you. The clinic will write to you about how to send your gift, "
				+ "and sends a receipt when it arrives.");
		return "redirect:/donate";
	}

	@PostMapping("/fund/pledges/{id}/received")
	String received(@PathVariable UUID id,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
			@RequestParam(required = false) String method, RedirectAttributes redirect) {
		Donation donation = this.pledges.received(id, receivedOn, method);
		redirect.addFlashAttribute("message", "Recorded " + donation.amount() + " from " + donation.donorName()
				+ ": receipt no. " + donation.receiptNumber() + " e-mailed.");
		return "redirect:/fund";
	}

}
