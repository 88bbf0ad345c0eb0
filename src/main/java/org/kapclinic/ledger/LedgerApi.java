package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controlled-substance ledger over HTTP. Draws have no endpoint of their own: they
 * are made by the dosing module when a dose is administered.
 */
@RestController
@Tag(name = "Controlled-substance ledger")
class LedgerApi {

	private static final String BASE = "/api/v1/controlled-substances";

	private final Ledger ledger;

	private final StockKeeping stock;

	private final Counts counts;

	private final InventoryReport inventory;

	LedgerApi(Ledger ledger, StockKeeping stock, Counts counts, InventoryReport inventory) {
		this.ledger = ledger;
		this.stock = stock;
		this.counts = counts;
		this.inventory = inventory;
	}

	@PostMapping(BASE + "/receipts")
	@Operation(summary = "Receive stock (PRESCRIBER, NURSE, ADMIN)",
			description = "`product` KETAMINE or ESKETAMINE; package NDC with dashes (Spravato 50458-028-xx); "
					+ "expiry not in the past; esketamine in whole 28 mg devices. A known NDC + lot at the same "
					+ "location adds to that lot. 201 with the lot and its balance.")
	ResponseEntity<Map<String, Object>> receive(@RequestBody ReceiptRequest receipt) {
		LedgerEntry entry = this.stock.receive(receipt);
		return ResponseEntity.created(URI.create(BASE + "/lots/" + entry.lotId()))
			.body(Map.of("lotId", entry.lotId(), "entryId", entry.id(), "quantityMg", entry.quantityMg(), "balanceMg",
					entry.balanceAfterMg()));
	}

	@GetMapping(BASE + "/lots")
	@Operation(summary = "Lots with their running balance (PRESCRIBER, NURSE, ADMIN)",
			description = "Lots holding stock, expired ones included; `includeEmpty=true` adds used-up lots, "
					+ "`usable=true` keeps only unexpired lots with stock (the dosing lot picker).")
	List<LotBalance> lots(@RequestParam(defaultValue = "false") boolean includeEmpty,
			@RequestParam(defaultValue = "false") boolean usable) {
		return usable ? this.ledger.lotsInStock() : this.ledger.lots(includeEmpty);
	}

	@GetMapping(BASE + "/lots/{id}")
	@Operation(summary = "One lot with its balance")
	LotBalance lot(@PathVariable UUID id) {
		return this.ledger.lot(id);
	}

	@GetMapping(BASE + "/lots/{id}/entries")
	@Operation(summary = "The lot's ledger: every entry in order with the running balance after it")
	List<LedgerEntry> entries(@PathVariable UUID id) {
		return this.ledger.entries(id);
	}

	@PostMapping(BASE + "/waste")
	@Operation(summary = "Record waste with a witness (PRESCRIBER, NURSE, ADMIN)",
			description = "`{\"lotId\",\"quantityMg\",\"reason\",\"dosingSessionId\"?,\"witness\":{\"username\",\"password\"}}`. "
					+ "The witness is another active prescriber or nurse signing with their own password "
					+ "(failures count toward their lockout). 400 without a witness; 422 WITNESS_NOT_VERIFIED, "
					+ "WITNESS_SAME_USER, WITNESS_ROLE or INSUFFICIENT_BALANCE; nothing is saved then.")
	ResponseEntity<LedgerEntry> waste(@RequestBody WasteRequest waste) {
		LedgerEntry entry = this.stock.waste(waste);
		return ResponseEntity.created(URI.create(BASE + "/lots/" + entry.lotId() + "/entries")).body(entry);
	}

	@PostMapping(BASE + "/counts")
	@Operation(summary = "Record a count (PRESCRIBER, NURSE, ADMIN)",
			description = "`{\"lotId\",\"countedMg\",\"note\"?,\"witness\"?:{\"username\",\"password\"}}`. "
					+ "A count that differs from the running balance opens a DISCREPANCY for an ADMIN.")
	ResponseEntity<CountResult> count(@RequestBody CountRequest count) {
		return ResponseEntity.status(201).body(this.counts.count(count));
	}

	@GetMapping(BASE + "/discrepancies")
	@Operation(summary = "Discrepancies found by counts, newest first (`status=OPEN` by default, or `ALL`)")
	List<Discrepancy> discrepancies(@RequestParam(defaultValue = "OPEN") String status) {
		return this.counts.discrepancies(!"ALL".equalsIgnoreCase(status));
	}

	@PostMapping(BASE + "/discrepancies/{id}/resolve")
	@Operation(summary = "Resolve a discrepancy (ADMIN) with a reason",
			description = "`{\"reason\",\"adjustBalance\":true}`: by default an ADJUSTMENT entry brings the balance "
					+ "to what was counted; `adjustBalance:false` when the count itself was wrong. 409 when already resolved.")
	Discrepancy resolve(@PathVariable UUID id, @RequestBody Resolution resolution) {
		return this.counts.resolve(id, resolution.reason(),
				resolution.adjustBalance() == null || resolution.adjustBalance());
	}

	@PostMapping(BASE + "/entries/{id}/correct")
	@Operation(summary = "Correct an entry with a new one that references it (PRESCRIBER, NURSE, ADMIN)",
			description = "`{\"reason\",\"quantityMg\"?}`: `quantityMg` is what the entry should have recorded "
					+ "(absent or 0 reverses it). The original stays; an entry is corrected once (409 afterwards).")
	ResponseEntity<LedgerEntry> correct(@PathVariable UUID id, @RequestBody Correction correction) {
		LedgerEntry entry = this.ledger.correct(id, correction.quantityMg(), correction.reason());
		return ResponseEntity.created(URI.create(BASE + "/lots/" + entry.lotId() + "/entries")).body(entry);
	}

	@GetMapping(BASE + "/inventory")
	@Operation(summary = "Inventory for a date: balance per lot at the end of that date (clinic time zone)",
			description = "With the receipts, draws, waste, adjustments and corrections from the start of `from` "
					+ "(default: the same date) to the end of `date`.")
	Inventory inventory(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from) {
		return this.inventory.on(date, from);
	}

	record Resolution(String reason, Boolean adjustBalance) {
	}

	record Correction(String reason, BigDecimal quantityMg) {
	}

}
