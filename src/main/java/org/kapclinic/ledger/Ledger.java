package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.ledger.Entries.NewEntry;
import org.kapclinic.ledger.LedgerEntry.EntryKind;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger's public API: draws for administrations (called by dosing in its own
 * transaction), the lots in stock, each lot's running balance, and corrections, which are
 * new entries pointing at the entry they correct.
 */
@Service
@Transactional
public class Ledger {

	static final String RESOURCE = "ControlledSubstance";

	/** Clock skew allowed between the recording device and the server. */
	private static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	private final Entries entries;

	private final LedgerAccess access;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	Ledger(Entries entries, LedgerAccess access, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.entries = entries;
		this.access = access;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/**
	 * Draws mg from a lot for an administration, in the caller's transaction. Refuses
	 * with 422 an unknown lot ({@code LOT_UNKNOWN}), a lot expired on the
	 * administration's clinic date ({@code LOT_EXPIRED}) and more than the balance
	 * ({@code INSUFFICIENT_BALANCE}); 400 for a missing session, patient or time, a time
	 * in the future, or a quantity that is not positive (esketamine: whole 28 mg
	 * devices). The lot row is locked, so concurrent draws never overdraw it. Records the
	 * current user (a prescriber or nurse), {@code at}, the session and the patient, and
	 * audits it.
	 */
	public LedgerDraw draw(UUID lotId, BigDecimal mg, UUID dosingSessionId, UUID patientId, Instant at) {
		StaffMember user = this.access.requireAdministering("draw from lot " + lotId);
		requireDrawFields(lotId, dosingSessionId, patientId, at);
		try {
			LotBalance lot = this.entries.lock(lotId)
				.orElseThrow(() -> new RuleViolationException("There is no such lot in the ledger.",
						List.of("LOT_UNKNOWN")));
			LocalDate day = at.atZone(this.clinicTime.timeZone()).toLocalDate();
			if (StockRules.expiredOn(lot.expiry(), day)) {
				throw new RuleViolationException("Lot " + lot.lot() + " expired on " + lot.expiry()
						+ "; it cannot be administered on " + day + ".", List.of("LOT_EXPIRED"));
			}
			String quantity = StockRules.quantityProblem(mg, Product.parse(lot.product()).orElse(null));
			if (quantity != null) {
				throw InvalidInputException.of("mg", quantity);
			}
			LedgerEntry entry = this.entries
				.append(NewEntry.of(lotId, EntryKind.DRAW, mg.negate(), at, user).session(dosingSessionId, patientId));
			this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, entry.id())
				.patient(patientId)
				.category(DataCategory.CONTROLLED_SUBSTANCE)
				.detail("DRAW " + Entries.plain(mg) + " mg from lot " + lot.lot() + " for dosing session "
						+ dosingSessionId + "; balance " + Entries.plain(entry.balanceAfterMg()) + " mg"));
			return new LedgerDraw(entry.id(), lotId, mg, entry.balanceAfterMg());
		}
		catch (RuleViolationException ex) {
			this.audit.recordIndependently(AuditEvent.of(AuditAction.CREATE, RESOURCE, lotId)
				.patient(patientId)
				.category(DataCategory.CONTROLLED_SUBSTANCE)
				.outcome(AuditOutcome.FAILURE)
				.detail("draw of " + mg + " mg refused: " + String.join(",", ex.reasons())));
			throw ex;
		}
	}

	private void requireDrawFields(UUID lotId, UUID dosingSessionId, UUID patientId, Instant at) {
		if (lotId == null) {
			throw InvalidInputException.of("lotId", "the lot the dose is drawn from");
		}
		if (dosingSessionId == null) {
			throw InvalidInputException.of("dosingSessionId", "the dosing session the draw belongs to");
		}
		if (patientId == null) {
			throw InvalidInputException.of("patientId", "the patient who receives the dose");
		}
		if (at == null || at.isAfter(Instant.now(this.clock).plus(FUTURE_TOLERANCE))) {
			throw InvalidInputException.of("at", "when the dose was drawn, not in the future");
		}
	}

	/**
	 * Lots currently in stock (balance above zero, not expired today in the clinic's time
	 * zone), for the dosing order form's lot picker; by product, soonest expiry first.
	 */
	@Transactional(readOnly = true)
	public List<LotBalance> lotsInStock() {
		this.access.requireKeeper("lots in stock");
		List<LotBalance> lots = this.entries.usableOn(this.clinicTime.today(this.clock));
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("lots in stock: " + lots.size()));
		return lots;
	}

	/**
	 * {@link #lotsInStock()} of one product family ({@code KETAMINE} for IV, IM and
	 * sublingual racemic ketamine, {@code ESKETAMINE} for Spravato devices).
	 */
	@Transactional(readOnly = true)
	public List<LotBalance> lotsInStock(Product product) {
		return lotsInStock().stream().filter((lot) -> lot.product().equals(product.name())).toList();
	}

	/** Lots with a balance, expired ones included (they still need a count or waste). */
	@Transactional(readOnly = true)
	public List<LotBalance> lots(boolean includeEmpty) {
		this.access.requireKeeper("lots");
		List<LotBalance> lots = this.entries.lots(includeEmpty);
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("lots: " + lots.size()));
		return lots;
	}

	@Transactional(readOnly = true)
	public LotBalance lot(UUID lotId) {
		this.access.requireKeeper("lot " + lotId);
		LotBalance lot = this.entries.lot(lotId).orElseThrow(() -> new NotFoundException("Lot", lotId));
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, lotId)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("lot"));
		return lot;
	}

	/**
	 * The labels of the lots doses were given from, for the record of those doses: the
	 * caller has checked that its user may see the patient's doses (no keeper role
	 * needed; no balance or stock is disclosed).
	 */
	@Transactional(readOnly = true)
	public java.util.Map<UUID, LotLabel> labels(java.util.Collection<UUID> lotIds) {
		return this.entries.labels(lotIds);
	}

	/** The lot's entries in order, each with the running balance after it. */
	@Transactional(readOnly = true)
	public List<LedgerEntry> entries(UUID lotId) {
		this.access.requireKeeper("entries of lot " + lotId);
		if (this.entries.lot(lotId).isEmpty()) {
			throw new NotFoundException("Lot", lotId);
		}
		List<LedgerEntry> list = this.entries.forLot(lotId);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, lotId)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("entries: " + list.size()));
		return list;
	}

	/**
	 * The draws, waste and corrections recorded for a dosing session, in the order they
	 * were recorded (for the session's record and its REMS summary).
	 */
	@Transactional(readOnly = true)
	public List<LedgerEntry> forSession(UUID dosingSessionId) {
		this.access.requireKeeper("entries of dosing session " + dosingSessionId);
		List<LedgerEntry> list = this.entries.forSession(dosingSessionId);
		UUID patientId = list.stream()
			.map(LedgerEntry::patientId)
			.filter(java.util.Objects::nonNull)
			.findFirst()
			.orElse(null);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, dosingSessionId)
			.patient(patientId)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("ledger entries of dosing session: " + list.size()));
		return list;
	}

	/**
	 * Corrects an entry with a new one that references it (the old one stays as it was):
	 * {@code correctMg} is what the entry should have recorded (0 or null reverses it).
	 * An entry is corrected at most once (409); a wrong correction is itself corrected.
	 */
	public LedgerEntry correct(UUID entryId, BigDecimal correctMg, String reason) {
		StaffMember user = this.access.requireKeeper("correct entry " + entryId);
		LedgerEntry original = this.entries.find(entryId)
			.orElseThrow(() -> new NotFoundException("Ledger entry", entryId));
		String reasonProblem = StockRules.reasonProblem(reason);
		if (reasonProblem != null) {
			throw InvalidInputException.of("reason", reasonProblem);
		}
		LotBalance lot = this.entries.lock(original.lotId()).orElseThrow();
		BigDecimal correct = (correctMg != null) ? correctMg : BigDecimal.ZERO;
		if (correct.signum() < 0 || (correct.signum() > 0
				&& StockRules.quantityProblem(correct, Product.parse(lot.product()).orElse(null)) != null)) {
			throw InvalidInputException.of("quantityMg", (correct.signum() < 0) ? "0 or more mg"
					: StockRules.quantityProblem(correct, Product.parse(lot.product()).orElse(null)));
		}
		// Re-read under the lot lock: a concurrent correction of the same entry waits
		// here.
		LedgerEntry current = this.entries.find(entryId).orElseThrow();
		if (current.correctedByEntryId() != null) {
			throw new ConflictException("This entry was already corrected; correct the correction instead.",
					"LedgerEntry", current.correctedByEntryId());
		}
		BigDecimal delta;
		try {
			delta = StockRules.correctionDelta(original.kind(), original.quantityMg(), correct);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidInputException.of("quantityMg", ex.getMessage());
		}
		if (delta.signum() == 0) {
			throw InvalidInputException.of("quantityMg", "the same as recorded: nothing to correct");
		}
		LedgerEntry correction = this.entries
			.append(NewEntry.of(original.lotId(), EntryKind.CORRECTION, delta, original.occurredAt(), user)
				.session(original.dosingSessionId(), original.patientId())
				.corrects(entryId)
				.reason(reason.trim()));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, correction.id())
			.patient(original.patientId())
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.detail("CORRECTION of " + original.kind() + " " + entryId + " by " + Entries.plain(delta) + " mg in lot "
					+ lot.lot() + "; balance " + Entries.plain(correction.balanceAfterMg()) + " mg"));
		return correction;
	}

}
