package org.kapclinic.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The mail outbox API's request/response contract as a web slice (no database, no mail
 * server, no security filters; {@code OutboxIT} queues, fails and retries real mails and
 * reads the overview as an administrator and as a prescriber). Checked here: the overview
 * carries the counts by status and the failed mails with their last error, 50 of them
 * unless asked otherwise; a limit outside 1–1,000 is a 400 naming {@code limit} before
 * the outbox is asked; a retry answers 204 with no body, an id that is no failed mail 404
 * and a role that may not 403; an id that is no UUID retries nothing.
 */
@ApiContractTest(OutboxApi.class)
class OutboxApiContractTests {

	private static final UUID MAIL = UUID.fromString("0190f0e0-0000-7000-8000-0000000d0001");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Outbox outbox;

	@Test
	void theOverviewCarriesCountsAndFailedMailsFiftyByDefault() throws Exception {
		given(this.outbox.counts()).willReturn(new OutboxStatus(3, 120, 1));
		given(this.outbox.failed(50)).willReturn(List.of(new FailedMail(MAIL, "testcase@example.invalid",
				"Your appointment", 8, "550 mailbox unavailable", Instant.parse("2026-12-05T08:00:00Z"))));
		this.mvc.perform(get("/api/v1/admin/outbox"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.counts.pending").value(3))
			.andExpect(jsonPath("$.counts.sent").value(120))
			.andExpect(jsonPath("$.counts.failed").value(1))
			.andExpect(jsonPath("$.failed[0].id").value(MAIL.toString()))
			.andExpect(jsonPath("$.failed[0].to").value("testcase@example.invalid"))
			.andExpect(jsonPath("$.failed[0].subject").value("Your appointment"))
			.andExpect(jsonPath("$.failed[0].attempts").value(8))
			.andExpect(jsonPath("$.failed[0].lastError").value("550 mailbox unavailable"))
			.andExpect(jsonPath("$.failed[0].createdAt").value("2026-12-05T08:00:00Z"));
		verify(this.outbox).failed(50);
	}

	@Test
	void aLimitIsHandedOnAsAsked() throws Exception {
		given(this.outbox.counts()).willReturn(new OutboxStatus(0, 0, 0));
		this.mvc.perform(get("/api/v1/admin/outbox").param("limit", "1000"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.failed").isEmpty());
		verify(this.outbox).failed(1000);
	}

	@Test
	void aLimitOutOfRangeIs400NamingItBeforeTheOutboxIsAsked() throws Exception {
		for (String limit : List.of("0", "1001")) {
			this.mvc.perform(get("/api/v1/admin/outbox").param("limit", limit))
				.andExpect(status().isBadRequest())
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].field").value("limit"));
		}
		this.mvc.perform(get("/api/v1/admin/outbox").param("limit", "all")).andExpect(status().isBadRequest());
		verifyNoInteractions(this.outbox);
	}

	@Test
	void aRoleThatMayNotSeeTheOutboxIs403() throws Exception {
		given(this.outbox.counts()).willThrow(new AccessDeniedException("Administrators only"));
		this.mvc.perform(get("/api/v1/admin/outbox"))
			.andExpect(status().isForbidden())
			.andExpect(jsonPath("$.detail").value("Your role does not allow this."));
		verify(this.outbox, never()).failed(anyInt());
	}

	@Test
	void aRetryAnswers204WithNoBody() throws Exception {
		this.mvc.perform(post("/api/v1/admin/outbox/{id}/retry", MAIL))
			.andExpect(status().isNoContent())
			.andExpect(content().string(""));
		verify(this.outbox).retry(MAIL);
	}

	@Test
	void aRetryOfNoFailedMailIs404AndByARoleThatMayNot403() throws Exception {
		UUID unknown = UUID.fromString("0190f0e0-0000-7000-8000-0000000d00ff");
		willThrow(new NotFoundException("Failed mail", unknown)).given(this.outbox).retry(unknown);
		this.mvc.perform(post("/api/v1/admin/outbox/{id}/retry", unknown))
			.andExpect(status().isNotFound())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.detail").value("Failed mail not found"));
		willThrow(new AccessDeniedException("Administrators only")).given(this.outbox).retry(MAIL);
		this.mvc.perform(post("/api/v1/admin/outbox/{id}/retry", MAIL)).andExpect(status().isForbidden());
	}

	@Test
	void anIdThatIsNoUuidRetriesNothing() throws Exception {
		this.mvc.perform(post("/api/v1/admin/outbox/{id}/retry", "mail-1")).andExpect(status().isBadRequest());
		verify(this.outbox, never()).retry(any());
	}

}
