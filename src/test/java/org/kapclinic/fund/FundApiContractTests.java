package org.kapclinic.fund;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.fund.FundApplicationRequests.ApplicationRequest;
import org.kapclinic.fund.FundApplicationRequests.DecisionRequest;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.TemporarilyUnavailableException;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The access fund API's request/response contract as a web slice (no database, no
 * security filters; {@code AccessFundIT} donates, applies and awards for real, and
 * {@code FundBlindingIT} keeps clinicians out). Checked here: a donation and an
 * application answer 201 with what clients read (receipt number, poverty percent); a
 * decision's refusals are told apart by status and code (409 INSUFFICIENT_FUNDS, 409
 * already decided, 422 RESTRICTION_DOES_NOT_FIT); a decision the writer could not take in
 * time is a 503 with Retry-After, safe to send again; bad input names its fields; the
 * receipt is a PDF never cached; list limits stay within 1–1,000.
 */
@ApiContractTest(FundApi.class)
class FundApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-0000000f0001");

	private static final UUID APPLICATION = UUID.fromString("0190f0e0-0000-7000-8000-0000000f0002");

	private static final UUID DONATION = UUID.fromString("0190f0e0-0000-7000-8000-0000000f0003");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Donations donations;

	@MockitoBean
	FundApplications applications;

	@MockitoBean
	FundBalances balances;

	@MockitoBean
	FundImpact impact;

	@MockitoBean
	FundAwards awards;

	@MockitoBean
	DonationReceipts receipts;

	@Test
	void aDonationAnswers201WithItsReceiptNumber() throws Exception {
		given(this.donations.record(any()))
			.willReturn(new Donation(DONATION, 1042, "Orrin Coinsworth (fictional)", false, 25_000, "USD", "$250.00",
					"UNRESTRICTED", "Unrestricted", LocalDate.of(2026, 12, 1), "CHECK", "Check"));
		this.mvc.perform(post("/api/v1/fund/donations").contentType(MediaType.APPLICATION_JSON).content("""
				{"donorName":"Orrin Coinsworth (fictional)","amountMinor":25000,"restriction":"UNRESTRICTED",
				 "receivedOn":"2026-12-01","method":"CHECK"}"""))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.receiptNumber").value(1042))
			.andExpect(jsonPath("$.amount").value("$250.00"))
			.andExpect(jsonPath("$.methodLabel").value("Check"));
		verify(this.donations).record(new DonationRequest("Orrin Coinsworth (fictional)", null, null, 25_000L, null,
				"UNRESTRICTED", LocalDate.of(2026, 12, 1), "CHECK"));
	}

	@Test
	void aDonationWithoutAnAmountNamesTheField() throws Exception {
		given(this.donations.record(any()))
			.willThrow(InvalidInputException.of("amountMinor", "a positive amount in cents is required"));
		this.mvc.perform(post("/api/v1/fund/donations").contentType(MediaType.APPLICATION_JSON).content("""
				{"donorName":"Orrin Coinsworth (fictional)","restriction":"UNRESTRICTED","method":"CHECK"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors[0].field").value("amountMinor"));
	}

	@Test
	void aReceivedOnThatIsNoDateIsUnreadableAndRecordsNothing() throws Exception {
		this.mvc.perform(post("/api/v1/fund/donations").contentType(MediaType.APPLICATION_JSON).content("""
				{"donorName":"Orrin Coinsworth (fictional)","amountMinor":100,"receivedOn":"1/12/2026"}"""))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.donations);
	}

	@Test
	void theDonationsListLimitStaysWithinOneToAThousand() throws Exception {
		this.mvc.perform(get("/api/v1/fund/donations").param("limit", "0")).andExpect(status().isOk());
		verify(this.donations).latest(1);
		this.mvc.perform(get("/api/v1/fund/donations").param("limit", "50000")).andExpect(status().isOk());
		verify(this.donations).latest(1000);
	}

	@Test
	void theReceiptIsAPdfThatIsNeverCached() throws Exception {
		given(this.receipts.pdf(DONATION)).willReturn("%PDF-1.7 fictional".getBytes());
		this.mvc.perform(get("/api/v1/fund/donations/{id}/receipt", DONATION))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Cache-Control", "no-store"));
	}

	@Test
	void theImpactReportTakesIsoDatesAndRefusesOthers() throws Exception {
		this.mvc.perform(get("/api/v1/fund/impact").param("from", "2026-01-01").param("to", "2026-06-30"))
			.andExpect(status().isOk());
		verify(this.impact).of(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 6, 30));
		this.mvc.perform(get("/api/v1/fund/impact").param("from", "2026-13-01"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		org.mockito.Mockito.verifyNoMoreInteractions(this.impact);
	}

	@Test
	void anApplicationAnswers201WithItsPovertyPercent() throws Exception {
		given(this.applications.apply(any())).willReturn(application(ApplicationStatus.PENDING, "Pending"));
		this.mvc
			.perform(post("/api/v1/fund/applications").contentType(MediaType.APPLICATION_JSON)
				.content("""
						{"patientId":"%s","householdSize":3,"annualIncomeMinor":3000000,"needStatement":"Lost work"}"""
					.formatted(PATIENT)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.povertyPercent").value(113))
			.andExpect(jsonPath("$.guidelineYear").value(2026))
			.andExpect(jsonPath("$.statusLabel").value("Pending"));
		verify(this.applications).apply(new ApplicationRequest(PATIENT, 3, 3_000_000L, null, "Lost work"));
	}

	@Test
	void anAwardTheFundCannotCoverIs409InsufficientFunds() throws Exception {
		given(this.applications.decide(eq(APPLICATION), any())).willThrow(new ConflictException(
				"The Unrestricted fund holds $0.50, less than the award; award less or from another restriction.",
				"FundRestriction", "UNRESTRICTED")
			.with("code", "INSUFFICIENT_FUNDS"));
		decide("""
				{"decision":"AWARDED","amountMinor":50000,"restriction":"UNRESTRICTED","reason":"Meets the criteria"}""")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.code").value("INSUFFICIENT_FUNDS"))
			.andExpect(jsonPath("$.conflict.resourceType").value("FundRestriction"));
		verify(this.applications).decide(APPLICATION,
				new DecisionRequest("AWARDED", 50_000L, "UNRESTRICTED", "Meets the criteria", null, null));
	}

	@Test
	void aRestrictionThatDoesNotFitThePatientIs422WithItsReason() throws Exception {
		given(this.applications.decide(eq(APPLICATION), any())).willThrow(new RuleViolationException(
				"The Program: KAP fund may not pay for this patient's care.", List.of("RESTRICTION_DOES_NOT_FIT")));
		decide("""
				{"decision":"AWARDED","amountMinor":50000,"restriction":"PROGRAM:KAP","reason":"Meets the criteria"}""")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reasons[0]").value("RESTRICTION_DOES_NOT_FIT"));
	}

	@Test
	void aDecisionTheWriterCouldNotTakeIs503WithRetryAfter() throws Exception {
		given(this.applications.decide(eq(APPLICATION), any())).willThrow(new TemporarilyUnavailableException(
				"The clinic's server was too busy to save this; nothing was saved. Try again in a moment.",
				Duration.ofSeconds(5)));
		decide("""
				{"decision":"DECLINED","reason":"Outside the criteria"}""").andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "5"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was saved")));
	}

	@Test
	void aDecisionThatLostADeadlockIs503WithRetryAfterNot500() throws Exception {
		given(this.applications.decide(eq(APPLICATION), any()))
			.willThrow(new org.springframework.dao.CannotAcquireLockException("deadlock detected"));
		decide("""
				{"decision":"DECLINED","reason":"Outside the criteria"}""").andExpect(status().isServiceUnavailable())
			.andExpect(header().string("Retry-After", "1"))
			.andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was saved")));
	}

	@Test
	void aDecidedApplicationDecidedAgainIs409() throws Exception {
		given(this.applications.decide(eq(APPLICATION), any()))
			.willThrow(new ConflictException("This application was already decided.", "FundApplication", APPLICATION));
		decide("""
				{"decision":"DECLINED","reason":"Outside the criteria"}""").andExpect(status().isConflict())
			.andExpect(jsonPath("$.conflict.resourceId").value(APPLICATION.toString()))
			.andExpect(jsonPath("$.code").doesNotExist());
	}

	private org.springframework.test.web.servlet.ResultActions decide(String body) throws Exception {
		return this.mvc.perform(
				post("/api/v1/fund/applications/{id}/decision", APPLICATION).contentType(MediaType.APPLICATION_JSON)
					.content(body));
	}

	private static FundApplication application(ApplicationStatus status, String label) {
		return new FundApplication(APPLICATION, PATIENT, "Lark Fundwell (fictional)", "KAP-100777", 3, 3_000_000,
				"$30,000.00", "USD", "Lost work", 2026, "48 contiguous states", 2_665_000, 113, status, label,
				Instant.parse("2026-12-03T15:00:00Z"), null, null, null, null, null);
	}

}
