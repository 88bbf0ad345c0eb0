package org.kapclinic.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.kapclinic.identity.StepUp;
import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.ledger.Entries.NewEntry;
import org.kapclinic.ledger.LedgerEntry.EntryKind;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Receipts from suppliers and witnessed waste. */
@Service
@Transactional
class StockKeeping {

	private final Entries entries;

	private final LedgerAccess access;

	private final Witnesses witnesses;

	private final AuditTrail audit;

	private final LedgerSettings settings;

	private final ClinicTime clinicTime;

	private final Clock clock;

	private final StepUp stepUp;

	StockKeeping(Entries entries, LedgerAccess access, Witnesses witnesses, AuditTrail audit, LedgerSettings settings,
			ClinicTime clinicTime, Clock clock, StepUp stepUp) {
		this.stepUp = stepUp;
		this.entries = entries;
		this.access = access;
		this.witnesses = witnesses;
		this.audit = audit;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/**
	 * Receives stock: a new lot, or more of a lot already kept at that location (same
	 * NDC, lot number and expiry). Returns the lot's receipt entry.
	 */
	LedgerEntry receive(ReceiptRequest receipt) {
		StaffMember user = this.access.requireKeeper("receipt");
		return receive(receipt, user);
	}

	/** Also used for the demo stock, with no signed-in user. */
	LedgerEntry receive(ReceiptRequest receipt, StaffMember user) {
		List<FieldProblem> problems = new ArrayList<>(
				StockRules.receiptProblems(receipt, this.clinicTime.today(this.clock)));
		if (receipt.note() != null && receipt.note().length() > StockRules.TEXT_MAX) {
			problems.add(new FieldProblem("note", "at most " + StockRules.TEXT_MAX + " characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Product product = Product.parse(receipt.product()).orElseThrow();
		String ndc = receipt.ndc().trim();
		String lotNumber = receipt.lot().trim();
		String location = (receipt.location() == null || receipt.location().isBlank()) ? this.settings.defaultLocation()
				: receipt.location().trim();
		UUID lotId = this.entries.findOrCreateLot(product, ndc, lotNumber, receipt.expiry(),
				StockRules.concentration(receipt.concentrationMgPerMl(), product), location);
		LotBalance lot = this.entries.lock(lotId).orElseThrow();
		if (!lot.expiry().equals(receipt.expiry()) || !lot.product().equals(product.name())
				|| lot.concentrationMgPerMl()
					.compareTo(StockRules.concentration(receipt.concentrationMgPerMl(), product)) != 0) {
			throw InvalidInputException.of("lot",
					"lot " + lotNumber + " is already kept here with expiry " + lot.expiry() + " and "
							+ lot.concentrationMgPerMl().toPlainString() + " mg/mL: check the package");
		}
		LedgerEntry entry = this.entries
			.append(NewEntry.of(lotId, EntryKind.RECEIPT, receipt.quantityMg(), Instant.now(this.clock), user)
				.reason((receipt.note() == null || receipt.note().isBlank()) ? null : receipt.note().trim()));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, Ledger.RESOURCE, entry.id())
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("RECEIPT " + Entries.plain(receipt.quantityMg()) + " mg of " + product + " NDC " + ndc + " lot "
					+ lotNumber + "; balance " + Entries.plain(entry.balanceAfterMg()) + " mg"));
		return entry;
	}

	/**
	 * Records waste with a verified witness; refuses more than the balance. Expired lots
	 * may be wasted (that is how they leave stock).
	 */
	LedgerEntry waste(WasteRequest waste) {
		StaffMember user = this.access.requireKeeper("waste");
		this.stepUp.require("record controlled-substance waste");
		List<FieldProblem> problems = new ArrayList<>();
		if (waste.lotId() == null) {
			problems.add(new FieldProblem("lotId", "the lot the waste comes from"));
		}
		String reasonProblem = StockRules.reasonProblem(waste.reason());
		if (reasonProblem != null) {
			problems.add(new FieldProblem("reason", reasonProblem));
		}
		if (waste.witness() == null || !waste.witness().complete()) {
			problems.add(new FieldProblem("witness",
					"a second person (prescriber or nurse) signs with their own username and password"));
		}
		LotBalance lot = (waste.lotId() != null) ? this.entries.lot(waste.lotId()).orElse(null) : null;
		if (waste.lotId() != null && lot == null) {
			throw new NotFoundException("Lot", waste.lotId());
		}
		String quantity = StockRules.quantityProblem(waste.quantityMg(),
				(lot != null) ? Product.parse(lot.product()).orElse(null) : null);
		if (quantity != null) {
			problems.add(new FieldProblem("quantityMg", quantity));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		StaffMember witness;
		try {
			if (lot.balanceMg().compareTo(waste.quantityMg()) < 0) {
				// Checked again under the lock; refused here before the witness is asked.
				throw new RuleViolationException("The lot holds " + Entries.plain(lot.balanceMg()) + " mg; "
						+ Entries.plain(waste.quantityMg()) + " mg cannot be wasted from it.",
						List.of("INSUFFICIENT_BALANCE"));
			}
			// The witness signs before the lot is locked: a password check takes a while.
			witness = this.witnesses.require(waste.witness(), user, "waste from lot " + lot.lot());
		}
		catch (RuleViolationException ex) {
			this.audit.recordIndependently(AuditEvent.of(AuditAction.CREATE, Ledger.RESOURCE, lot.lotId())
				.category(DataCategory.CONTROLLED_SUBSTANCE)
				.outcome(AuditOutcome.FAILURE)
				.detail("waste of " + Entries.plain(waste.quantityMg()) + " mg refused: "
						+ String.join(",", ex.reasons())));
			throw ex;
		}
		this.entries.lock(lot.lotId());
		LedgerEntry entry = this.entries.append(
				NewEntry.of(lot.lotId(), EntryKind.WASTE, waste.quantityMg().negate(), Instant.now(this.clock), user)
					.witness(witness)
					.session(waste.dosingSessionId(), null)
					.reason(waste.reason().trim()));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, Ledger.RESOURCE, entry.id())
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("WASTE " + Entries.plain(waste.quantityMg()) + " mg from lot " + lot.lot() + " witnessed by "
					+ witness.username() + "; balance " + Entries.plain(entry.balanceAfterMg()) + " mg"));
		return entry;
	}

}
