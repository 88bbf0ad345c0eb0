package org.kapclinic.notification;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox for administrators (enforced in {@link Outbox}). */
@RestController
@RequestMapping("/api/v1/admin/outbox")
@Tag(name = "Mail outbox")
class OutboxApi {

	private final Outbox outbox;

	OutboxApi(Outbox outbox) {
		this.outbox = outbox;
	}

	@GetMapping
	@Operation(summary = "Count mails by status and list the most recent failed ones")
	OutboxOverview overview(@RequestParam(defaultValue = "50") @Min(1) @Max(1000) int limit) {
		return new OutboxOverview(this.outbox.counts(), this.outbox.failed(limit));
	}

	@PostMapping("/{id}/retry")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Send a failed mail again with a fresh set of attempts",
			description = "404 if there is no failed mail with this id.")
	void retry(@PathVariable UUID id) {
		this.outbox.retry(id);
	}

	record OutboxOverview(OutboxStatus counts, List<FailedMail> failed) {
	}

}
