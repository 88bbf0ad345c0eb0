package org.kapclinic.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.kapclinic.audit.AuditQueries.AuditFilter;
import org.kapclinic.shared.Paging;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The audit trail for administrators (enforced in {@link AuditQueries}). */
@RestController
@RequestMapping("/api/v1/audit")
@Tag(name = "Audit trail")
class AuditApi {

	private final AuditQueries queries;

	AuditApi(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	@Operation(summary = "List audit entries, newest first",
			description = "Filters combine; 'from' is inclusive and 'to' exclusive (ISO-8601 instants, UTC).")
	AuditPage list(@RequestParam(required = false) UUID patientId, @RequestParam(required = false) UUID userId,
			@RequestParam(required = false) AuditAction action,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
			@RequestParam(defaultValue = "0") @Min(0) @Max(Paging.MAX_PAGE) int page,
			@RequestParam(defaultValue = "100") @Min(1) @Max(Paging.MAX_SIZE) int size) {
		List<AuditEntry> items = this.queries.find(new AuditFilter(patientId, userId, action, from, to), page, size);
		return new AuditPage(items, page, size);
	}

	@GetMapping("/verify")
	@Operation(summary = "Recompute the hash chain and report the first broken entry, if any",
			description = "With `checkpoint={id}`, also check that the chain still holds what that checkpoint "
					+ "(written outside the database, signed with the audit key) recorded: rows deleted after it "
					+ "with their seals are found. An unknown checkpoint is 404. The answer: "
					+ "`{\"valid\",\"entries\",\"firstBrokenId\",\"checkpoint\",\"problem\"}`.")
	ChainVerification verify(@RequestParam(required = false) UUID checkpoint) {
		return (checkpoint != null) ? this.queries.verify(checkpoint) : this.queries.verify();
	}

	@GetMapping("/checkpoints")
	@Operation(summary = "Signed checkpoints of the audit chain, newest first (ADMIN)",
			description = "`[{\"id\",\"createdAt\",\"entries\",\"lastEntryId\",\"head\",\"hmac\"}]` (and `lastPosition`): "
					+ "read from `kap.audit.checkpoint-dir`, outside the database; one is written every "
					+ "`kap.audit.checkpoint-interval` while the chain grows.")
	List<AuditCheckpoints.Checkpoint> checkpoints(@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		return this.queries.checkpoints(limit);
	}

	record AuditPage(List<AuditEntry> items, int page, int size) {
	}

}
