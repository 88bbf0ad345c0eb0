package org.kapclinic.audit;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.audit.AuditQueries.AuditFilter;
import org.kapclinic.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit-trail API's request/response contract as a web slice (no database, no
 * security filters; {@code AuditTrailIT} reads real entries back and breaks the chain on
 * purpose, {@code AuditCheckpointsIT} verifies it against a signed checkpoint, both with
 * roles). Checked here: a page carries each entry's fields with the page and size it was
 * asked for, and the filters reach the query as given; the paging limits, an action that
 * does not exist and an instant that is no ISO-8601 are 400s before any query; the chain
 * check answers {@code valid}, {@code entries}, {@code firstBrokenId}, {@code checkpoint}
 * and {@code problem}, against a checkpoint when one is named, and an unknown one is 404;
 * the checkpoints carry their seal; a role that may not is 403.
 */
@ApiContractTest(AuditApi.class)
class AuditApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-00000000ad01");

	private static final UUID ADMIN = UUID.fromString("0190f0e0-0000-7000-8000-00000000ad02");

	private static final UUID CHECKPOINT = UUID.fromString("0190f0e0-0000-7000-8000-00000000ad03");

	private static final Instant FROM = Instant.parse("2026-12-01T00:00:00Z");

	private static final Instant TO = Instant.parse("2026-12-06T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	AuditQueries queries;

	@Test
	void aPageCarriesEachEntryAndTheFiltersReachTheQuery() throws Exception {
		AuditFilter filter = new AuditFilter(PATIENT, ADMIN, AuditAction.READ, FROM, TO);
		given(this.queries.find(filter, 2, 50)).willReturn(List
			.of(new AuditEntry(4711, FROM.plusSeconds(60), ADMIN, "admin.testcase", "ADMIN", "READ", "Patient",
					PATIENT.toString(), PATIENT, "CLINICAL", "SUCCESS", "192.0.2.10", "API", "chart opened", null)));
		this.mvc
			.perform(get("/api/v1/audit").param("patientId", PATIENT.toString())
				.param("userId", ADMIN.toString())
				.param("action", "READ")
				.param("from", "2026-12-01T00:00:00Z")
				.param("to", "2026-12-06T00:00:00Z")
				.param("page", "2")
				.param("size", "50"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.page").value(2))
			.andExpect(jsonPath("$.size").value(50))
			.andExpect(jsonPath("$.items[0].id").value(4711))
			.andExpect(jsonPath("$.items[0].occurredAt").value("2026-12-01T00:01:00Z"))
			.andExpect(jsonPath("$.items[0].actorId").value(ADMIN.toString()))
			.andExpect(jsonPath("$.items[0].actorName").value("admin.testcase"))
			.andExpect(jsonPath("$.items[0].action").value("READ"))
			.andExpect(jsonPath("$.items[0].resourceType").value("Patient"))
			.andExpect(jsonPath("$.items[0].patientId").value(PATIENT.toString()))
			.andExpect(jsonPath("$.items[0].dataCategory").value("CLINICAL"))
			.andExpect(jsonPath("$.items[0].outcome").value("SUCCESS"))
			.andExpect(jsonPath("$.items[0].clientAddress").value("192.0.2.10"))
			.andExpect(jsonPath("$.items[0].detail").value("chart opened"));
	}

	@Test
	void withoutParametersTheNewestHundredAreAskedFor() throws Exception {
		this.mvc.perform(get("/api/v1/audit"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.items.length()").value(0))
			.andExpect(jsonPath("$.page").value(0))
			.andExpect(jsonPath("$.size").value(100));
		verify(this.queries).find(new AuditFilter(null, null, null, null, null), 0, 100);
	}

	@Test
	void pagingLimitsAnUnknownActionAndANonInstantAre400sBeforeAnyQuery() throws Exception {
		this.mvc.perform(get("/api/v1/audit").param("size", "201"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("size"));
		this.mvc.perform(get("/api/v1/audit").param("page", "-1"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("page"));
		this.mvc.perform(get("/api/v1/audit").param("action", "SHRED"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value(containsString("'action'")));
		this.mvc.perform(get("/api/v1/audit").param("from", "yesterday"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.detail").value(containsString("'from'")));
		this.mvc.perform(get("/api/v1/audit/checkpoints").param("limit", "1001"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.errors[0].field").value("limit"));
		this.mvc.perform(get("/api/v1/audit/verify").param("checkpoint", "latest")).andExpect(status().isBadRequest());
		verifyNoInteractions(this.queries);
	}

	@Test
	void theChainCheckAnswersWhereItBreaks() throws Exception {
		given(this.queries.verify()).willReturn(new ChainVerification(false, 4711, 42L));
		this.mvc.perform(get("/api/v1/audit/verify"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(false))
			.andExpect(jsonPath("$.entries").value(4711))
			.andExpect(jsonPath("$.firstBrokenId").value(42))
			.andExpect(jsonPath("$.checkpoint").doesNotExist())
			.andExpect(jsonPath("$.problem").value(containsString("breaks at entry 42")));
		verify(this.queries, never()).verify(any());
	}

	@Test
	void aNamedCheckpointIsVerifiedAgainstAndAnUnknownOneIs404() throws Exception {
		given(this.queries.verify(CHECKPOINT)).willReturn(new ChainVerification(true, 4711, null, CHECKPOINT, null));
		this.mvc.perform(get("/api/v1/audit/verify").param("checkpoint", CHECKPOINT.toString()))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.valid").value(true))
			.andExpect(jsonPath("$.checkpoint").value(CHECKPOINT.toString()))
			.andExpect(jsonPath("$.problem").doesNotExist());
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-00000000adff");
		given(this.queries.verify(unknown)).willThrow(new NotFoundException("Checkpoint", unknown));
		this.mvc.perform(get("/api/v1/audit/verify").param("checkpoint", unknown.toString()))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.detail").value("Checkpoint not found"));
		verify(this.queries, never()).verify();
	}

	@Test
	void theCheckpointsCarryTheirSeal() throws Exception {
		given(this.queries.checkpoints(100)).willReturn(List.of(new AuditCheckpoints.Checkpoint(CHECKPOINT,
				Instant.parse("2026-12-06T08:00:00Z"), 4711, 4710, 88, "9f2c7e0a", "hmac-of-testcase")));
		this.mvc.perform(get("/api/v1/audit/checkpoints"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].id").value(CHECKPOINT.toString()))
			.andExpect(jsonPath("$[0].createdAt").value("2026-12-06T08:00:00Z"))
			.andExpect(jsonPath("$[0].entries").value(4711))
			.andExpect(jsonPath("$[0].lastEntryId").value(4710))
			.andExpect(jsonPath("$[0].lastPosition").value(88))
			.andExpect(jsonPath("$[0].head").value("9f2c7e0a"))
			.andExpect(jsonPath("$[0].hmac").value("hmac-of-testcase"));
	}

	@Test
	void aRoleThatMayNotIs403() throws Exception {
		given(this.queries.find(any(), anyInt(), anyInt())).willThrow(new AccessDeniedException("Administrators"));
		given(this.queries.verify()).willThrow(new AccessDeniedException("Administrators"));
		this.mvc.perform(get("/api/v1/audit"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.title").value("Forbidden"));
		this.mvc.perform(get("/api/v1/audit/verify")).andExpect(status().isForbidden());
	}

}
