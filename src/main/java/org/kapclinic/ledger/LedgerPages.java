package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ledger in the browser: lots with balances, expiring stock, open discrepancies, and
 * forms for receipts, witnessed waste and counts; a lot's entries with corrections; the
 * printable inventory.
 */
@Controller
class LedgerPages {

	private static final String HOME = "redirect:/controlled-substances";

	private final Ledger ledger;

	private final StockKeeping stock;

	private final Counts counts;

	private final InventoryReport inventory;

	private final LedgerSettings settings;

	private final ClinicTime clinicTime;

	private final Clock clock;

	LedgerPages(Ledger ledger, StockKeeping stock, Counts counts, InventoryReport inventory, LedgerSettings settings,
			ClinicTime clinicTime, Clock clock) {
		this.ledger = ledger;
		this.stock = stock;
		this.counts = counts;
		this.inventory = inventory;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@GetMapping("/controlled-substances")
	String overview(Model model) {
		List<LotBalance> lots = this.ledger.lots(false);
		LocalDate today = this.clinicTime.today(this.clock);
		LocalDate soon = today.plus(this.settings.expiringSoon());
		model.addAttribute("lots", lots);
		model.addAttribute("today", today);
		model.addAttribute("soon", soon);
		model.addAttribute("expiring", lots.stream().filter((lot) -> !lot.expiry().isAfter(soon)).toList());
		model.addAttribute("discrepancies", this.counts.discrepancies(true));
		model.addAttribute("products", Product.values());
		model.addAttribute("defaultLocation", this.settings.defaultLocation());
		return "ledger/overview";
	}

	@PostMapping("/controlled-substances/receipts")
	String receive(@RequestParam(required = false) String product, @RequestParam(required = false) String ndc,
			@RequestParam(required = false) String lot,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate expiry,
			@RequestParam(required = false) BigDecimal quantityMg,
			@RequestParam(required = false) BigDecimal concentrationMgPerMl,
			@RequestParam(required = false) String location, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return attempt(redirect, HOME, () -> {
			LedgerEntry entry = this.stock.receive(new ReceiptRequest(product, ndc, lot, expiry, quantityMg,
					concentrationMgPerMl, blankToNull(location), blankToNull(note)));
			return "Received " + Entries.plain(entry.quantityMg()) + " mg into lot " + lot + "; balance "
					+ Entries.plain(entry.balanceAfterMg()) + " mg.";
		});
	}

	@PostMapping("/controlled-substances/waste")
	String waste(@RequestParam(required = false) UUID lotId, @RequestParam(required = false) BigDecimal quantityMg,
			@RequestParam(required = false) String reason, @RequestParam(required = false) UUID dosingSessionId,
			@RequestParam(required = false) String witnessUsername,
			@RequestParam(required = false) String witnessPassword, RedirectAttributes redirect) {
		return attempt(redirect, HOME, () -> {
			LedgerEntry entry = this.stock.waste(new WasteRequest(lotId, quantityMg, reason, dosingSessionId,
					new WitnessCredentials(witnessUsername, witnessPassword)));
			return "Waste of " + Entries.plain(entry.quantityMg().negate()) + " mg recorded, witnessed by "
					+ entry.witness() + "; balance " + Entries.plain(entry.balanceAfterMg()) + " mg.";
		});
	}

	@PostMapping("/controlled-substances/counts")
	String count(@RequestParam(required = false) UUID lotId, @RequestParam(required = false) BigDecimal countedMg,
			@RequestParam(required = false) String note, @RequestParam(required = false) String witnessUsername,
			@RequestParam(required = false) String witnessPassword, RedirectAttributes redirect) {
		WitnessCredentials witness = (blankToNull(witnessUsername) == null && blankToNull(witnessPassword) == null)
				? null : new WitnessCredentials(witnessUsername, witnessPassword);
		return attempt(redirect, HOME, () -> {
			CountResult result = this.counts.count(new CountRequest(lotId, countedMg, blankToNull(note), witness));
			return "DISCREPANCY".equals(result.status())
					? "Count stored: " + Entries.plain(result.countedMg()) + " mg counted, "
							+ Entries.plain(result.expectedMg())
							+ " mg expected. The discrepancy is flagged for an administrator."
					: "Count stored: " + Entries.plain(result.countedMg()) + " mg, matches the ledger.";
		});
	}

	@PostMapping("/controlled-substances/discrepancies/{id}/resolve")
	String resolve(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(defaultValue = "false") boolean adjustBalance, RedirectAttributes redirect) {
		return attempt(redirect, HOME, () -> {
			Discrepancy resolved = this.counts.resolve(id, reason, adjustBalance);
			return "Discrepancy on lot " + resolved.lot() + " resolved"
					+ (adjustBalance ? " with an adjustment of " + Entries.plain(resolved.differenceMg()) + " mg."
							: " without adjustment.");
		});
	}

	@GetMapping("/controlled-substances/lots/{id}")
	String lot(@PathVariable UUID id, Model model) {
		model.addAttribute("lot", this.ledger.lot(id));
		model.addAttribute("entries", this.ledger.entries(id));
		return "ledger/lot";
	}

	@PostMapping("/controlled-substances/entries/{id}/correct")
	String correct(@PathVariable UUID id, @RequestParam UUID lotId,
			@RequestParam(required = false) BigDecimal quantityMg, @RequestParam(required = false) String reason,
			RedirectAttributes redirect) {
		return attempt(redirect, "redirect:/controlled-substances/lots/" + lotId, () -> {
			LedgerEntry correction = this.ledger.correct(id, quantityMg, reason);
			return "Correction recorded (" + Entries.plain(correction.quantityMg()) + " mg); balance "
					+ Entries.plain(correction.balanceAfterMg()) + " mg.";
		});
	}

	@GetMapping("/controlled-substances/inventory")
	String inventory(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			Model model) {
		LocalDate day = (date != null) ? date : this.clinicTime.today(this.clock);
		try {
			model.addAttribute("inventory", this.inventory.on(day, from));
		}
		catch (InvalidInputException ex) {
			model.addAttribute(Refusal.ATTRIBUTE, Refusal.of(ex));
			model.addAttribute("inventory", this.inventory.on(day, null));
		}
		return "ledger/inventory";
	}

	private static String attempt(RedirectAttributes redirect, String target, Action action) {
		try {
			redirect.addFlashAttribute("message", action.run());
		}
		catch (InvalidInputException | RuleViolationException | ConflictException | NotFoundException ex) {
			Refusal.flash(redirect, ex);
		}
		return target;
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	@FunctionalInterface
	private interface Action {

		String run();

	}

}
