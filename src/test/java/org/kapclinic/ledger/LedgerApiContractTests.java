package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.kapclinic.ledger.LedgerEntry.EntryKind;
import org.kapclinic.shared.ConflictException;
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
 * The ledger API's request/response contract as a web slice (no database, no security
 * filters: {@code LedgerIT} walks the same endpoints end to end with roles and a real
 * ledger). What is checked here is what a client programs against: status codes, the
 * Location header, the JSON fields, the defaults of optional fields, and that each kind
 * of refusal becomes its RFC 9457 problem.
 */
@ApiContractTest(LedgerApi.class)
class LedgerApiContractTests {

	private static final String BASE = "/api/v1/controlled-substances";

	private static final UUID LOT = UUID.fromString("0190f0e0-0000-7000-8000-000000000001");

	private static final UUID ENTRY = UUID.fromString("0190f0e0-0000-7000-8000-000000000002");

	@Autowired
	MockMvc mvc;

	@MockitoBean
	Ledger ledger;

	@MockitoBean
	StockKeeping stock;

	@MockitoBean
	Counts counts;

	@MockitoBean
	InventoryReport inventory;

	@Test
	void aReceiptAnswers201WithTheLotsAddressAndItsBalance() throws Exception {
		given(this.stock.receive(any())).willReturn(entry(EntryKind.RECEIPT, "500", "1500"));
		this.mvc.perform(post(BASE + "/receipts").contentType(MediaType.APPLICATION_JSON).content("""
				{"product":"KETAMINE","ndc":"99999-001-01","lot":"DEMO-1","expiry":"2027-06-30",
				 "quantityMg":500,"concentrationMgPerMl":50,"location":"Safe A"}"""))
			.andExpect(status().isCreated())
			.andExpect(header().string("Location", BASE + "/lots/" + LOT))
			.andExpect(jsonPath("$.lotId").value(LOT.toString()))
			.andExpect(jsonPath("$.entryId").value(ENTRY.toString()))
			.andExpect(jsonPath("$.quantityMg").value(500))
			.andExpect(jsonPath("$.balanceMg").value(1500));
		verify(this.stock).receive(new ReceiptRequest("KETAMINE", "99999-001-01", "DEMO-1", LocalDate.of(2027, 6, 30),
				new BigDecimal("500"), new BigDecimal("50"), "Safe A", null));
	}

	@Test
	void aWasteRefusedByAWitnessRuleIs422WithTheReasons() throws Exception {
		given(this.stock.waste(any())).willThrow(
				new RuleViolationException("The witness could not be verified", List.of("WITNESS_NOT_VERIFIED")));
		this.mvc
			.perform(post(BASE + "/waste").contentType(MediaType.APPLICATION_JSON)
				.content("{\"lotId\":\"" + LOT + "\",\"quantityMg\":5,\"reason\":\"spilled\"}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Refused by a safety rule"))
			.andExpect(jsonPath("$.reasons[0]").value("WITNESS_NOT_VERIFIED"));
	}

	@Test
	void resolvingAResolvedDiscrepancyIs409NamingIt() throws Exception {
		UUID id = UUID.fromString("0190f0e0-0000-7000-8000-000000000003");
		given(this.counts.resolve(eq(id), any(), eq(true)))
			.willThrow(new ConflictException("This discrepancy is already resolved", "Discrepancy", id));
		this.mvc
			.perform(post(BASE + "/discrepancies/" + id + "/resolve").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"recount\"}"))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.conflict.resourceType").value("Discrepancy"))
			.andExpect(jsonPath("$.conflict.resourceId").value(id.toString()));
	}

	@Test
	void aResolutionAdjustsTheBalanceUnlessToldNot() throws Exception {
		UUID id = UUID.fromString("0190f0e0-0000-7000-8000-000000000004");
		this.mvc
			.perform(post(BASE + "/discrepancies/" + id + "/resolve").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"recounted, balance right\"}"))
			.andExpect(status().isOk());
		verify(this.counts).resolve(id, "recounted, balance right", true);
		this.mvc
			.perform(post(BASE + "/discrepancies/" + id + "/resolve").contentType(MediaType.APPLICATION_JSON)
				.content("{\"reason\":\"the count was wrong\",\"adjustBalance\":false}"))
			.andExpect(status().isOk());
		verify(this.counts).resolve(id, "the count was wrong", false);
	}

	@Test
	void discrepanciesAreTheOpenOnesUnlessAllAreAskedFor() throws Exception {
		this.mvc.perform(get(BASE + "/discrepancies")).andExpect(status().isOk());
		verify(this.counts).discrepancies(true);
		this.mvc.perform(get(BASE + "/discrepancies").param("status", "all")).andExpect(status().isOk());
		verify(this.counts).discrepancies(false);
	}

	@Test
	void anInventoryWithoutADateOrWithAnUnreadableOneIs400AndAsksNothing() throws Exception {
		this.mvc.perform(get(BASE + "/inventory"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		this.mvc.perform(get(BASE + "/inventory").param("date", "3 December"))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
		verifyNoInteractions(this.inventory);
	}

	@Test
	void aBodyThatIsNotJsonIs400WithoutTouchingTheLedger() throws Exception {
		this.mvc.perform(post(BASE + "/counts").contentType(MediaType.APPLICATION_JSON).content("{\"lotId\": nonsense"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.title").value("Unreadable request"));
		verifyNoInteractions(this.counts);
	}

	private static LedgerEntry entry(EntryKind kind, String quantity, String balance) {
		return new LedgerEntry(ENTRY, LOT, 1, kind, new BigDecimal(quantity), new BigDecimal(balance),
				Instant.parse("2026-12-03T15:00:00Z"), Instant.parse("2026-12-03T15:00:01Z"), "nurse.bell", null, null,
				null, null, null, null, null);
	}

}
