package org.kapclinic.billing;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.shared.RuleViolationException;
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
 * The billing API's request/response contract as a web slice (no database, no security
 * filters; {@code BillingIT} posts, invoices and pays for real). Checked here: a payment
 * answers 201 with its amount in words and minor units; one over the balance or a refund
 * over the payment is a 422 with the reason; a payment method we do not take is
 * unreadable and reaches no ledger; the superbill is a PDF download that is never cached;
 * the review queue's limit is kept within 1–5,000.
 */
@ApiContractTest(BillingApi.class)
class BillingApiContractTests {

	private static final UUID PATIENT = UUID.fromString("0190f0e0-0000-7000-8000-0000000b0001");

	private static final UUID INVOICE = UUID.fromString("0190f0e0-0000-7000-8000-0000000b0002");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Charges charges;

	@MockitoBean
	Invoices invoices;

	@MockitoBean
	Payments payments;

	@MockitoBean
	Aging aging;

	@MockitoBean
	Superbills superbills;

	@MockitoBean
	SlidingScales slidingScales;

	@MockitoBean
	ManualCharges manual;

	@Test
	void aPaymentAnswers201WithItsAmount() throws Exception {
		UUID id = UUID.fromString("0190f0e0-0000-7000-8000-0000000b0003");
		given(this.payments.record(any()))
			.willReturn(new Payment(id, INVOICE, PATIENT, "PAYMENT", PaymentMethod.CARD_TERMINAL, 12_500, "USD",
					"terminal 0042", null, null, null, LocalDate.of(2026, 12, 3)));
		this.mvc.perform(post("/api/v1/payments").contentType(MediaType.APPLICATION_JSON).content("""
				{"invoiceId":"%s","amountMinor":12500,"method":"CARD_TERMINAL","reference":"terminal 0042",
				 "receivedOn":"2026-12-03"}""".formatted(INVOICE)))
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.amountMinor").value(12500))
			.andExpect(jsonPath("$.method").value("CARD_TERMINAL"));
		verify(this.payments).record(new Payments.PaymentRequest(INVOICE, 12_500L, PaymentMethod.CARD_TERMINAL,
				"terminal 0042", LocalDate.of(2026, 12, 3), null));
	}

	@Test
	void overpayingOrOverRefundingIs422WithTheReason() throws Exception {
		given(this.payments.record(any())).willThrow(
				new RuleViolationException("The payment is more than the balance of $80.00", List.of("OVERPAYMENT")));
		this.mvc.perform(post("/api/v1/payments").contentType(MediaType.APPLICATION_JSON).content("""
				{"invoiceId":"%s","amountMinor":9000,"method":"CASH"}""".formatted(INVOICE)))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.reasons[0]").value("OVERPAYMENT"));
		UUID payment = UUID.fromString("0190f0e0-0000-7000-8000-0000000b0004");
		given(this.payments.refund(eq(payment), any())).willThrow(new RuleViolationException(
				"A refund cannot exceed what is left of the payment", List.of("OVER_REFUND")));
		this.mvc
			.perform(post("/api/v1/payments/" + payment + "/refund").contentType(MediaType.APPLICATION_JSON)
				.content("{\"amountMinor\":99999,\"reason\":\"course stopped\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reasons[0]").value("OVER_REFUND"));
	}

	@Test
	void aMethodWeDoNotTakeIsUnreadable() throws Exception {
		this.mvc.perform(post("/api/v1/payments").contentType(MediaType.APPLICATION_JSON).content("""
				{"invoiceId":"%s","amountMinor":100,"method":"SEASHELLS"}""".formatted(INVOICE)))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.payments);
	}

	@Test
	void theSuperbillIsAPdfDownloadNeverCached() throws Exception {
		LocalDate from = LocalDate.of(2026, 11, 1);
		LocalDate to = LocalDate.of(2026, 11, 30);
		given(this.superbills.pdf(PATIENT, from, to)).willReturn("%PDF-1.7 synthetic".getBytes());
		this.mvc
			.perform(get("/api/v1/patients/" + PATIENT + "/superbill").param("from", "2026-11-01")
				.param("to", "2026-11-30"))
			.andExpect(status().isOk())
			.andExpect(content().contentType(MediaType.APPLICATION_PDF))
			.andExpect(header().string("Content-Disposition",
					"attachment; filename=\"superbill-2026-11-01-2026-11-30.pdf\""))
			.andExpect(header().string("Cache-Control", "no-store"))
			.andExpect(content().bytes("%PDF-1.7 synthetic".getBytes()));
	}

	@Test
	void theReviewQueueLimitStaysWithinOneToFiveThousand() throws Exception {
		this.mvc.perform(get("/api/v1/billing/charges/proposed").param("limit", "0")).andExpect(status().isOk());
		verify(this.charges).proposed(1);
		this.mvc.perform(get("/api/v1/billing/charges/proposed").param("limit", "999999")).andExpect(status().isOk());
		verify(this.charges).proposed(5000);
		this.mvc.perform(get("/api/v1/billing/charges/proposed")).andExpect(status().isOk());
		verify(this.charges).proposed(200);
	}

}
