package org.kapclinic.fund;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The donor impact report's outcome change (issue 20): the PHQ-9 change, baseline to end
 * of course, of the patients the fund helped, from the outcomes read model; hidden while
 * fewer than 11 of them (kap.reports.min-cell) have both scores, shown from the 11th.
 */
class FundImpactIT extends IntegrationTest {

	@Test
	void theFundedPatientsOutcomeChangeIsShownFromTheEleventhPatient() {
		List<String> patients = this.jdbc.sql("""
				select patient_id::text from (
				  select distinct on (patient_id) patient_id from reports.course_outcome
				  where instrument = 'PHQ-9' and baseline is not null and eoc_total is not null
				  order by patient_id, first_dose_at) p
				where patient_id not in (select patient_id from fund.application where status = 'AWARDED')
				limit 11""").query(String.class).list();
		assertThat(patients).as("demo patients with a finished course").hasSize(11);
		String billing = tokenFor("billing.bright");
		Map<String, Object> donation = new HashMap<>();
		donation.put("donorName", "Impact Donor (fictional)");
		donation.put("anonymous", false);
		donation.put("amountMinor", 11_000);
		donation.put("currency", "USD");
		donation.put("restriction", "UNRESTRICTED");
		donation.put("receivedOn", LocalDate.now().minusDays(1).toString());
		donation.put("method", "CASH");
		assertThat(this.api.post("/api/v1/fund/donations", donation, billing).status()).isEqualTo(201);
		long before = withBothScores();
		for (int i = 0; i < 11; i++) {
			award(patients.get(i));
			JsonNode outcome = this.api.get("/api/v1/fund/impact", billing).json().get("outcome");
			long n = before + i + 1;
			if (n < 11) {
				assertThat(outcome.get("meanChange").isNull()).as("hidden with " + n + " patients").isTrue();
			}
			else {
				assertThat(outcome.get("meanChange").asDouble()).as("shown with " + n + " patients")
					.isEqualTo(expectedChange());
			}
		}
		assertThat(before + 11).isGreaterThanOrEqualTo(11);
	}

	private void award(String patient) {
		Response applied = this.api.post("/api/v1/fund/applications", Map.of("patientId", patient, "householdSize", 1,
				"annualIncomeMinor", 1_000_000, "currency", "USD", "needStatement", "Self-pay (fictional)."),
				tokenFor("desk.dale"));
		assertThat(applied.status()).as(applied.body()).isEqualTo(201);
		Response decided = this.api.post(
				"/api/v1/fund/applications/" + applied.json().get("id").asString() + "/decision", Map.of("decision",
						"AWARDED", "amountMinor", 100, "restriction", "UNRESTRICTED", "reason", "Impact test"),
				tokenFor("fund.finch"));
		assertThat(decided.status()).as(decided.body()).isEqualTo(200);
	}

	/** Patients awarded this year whose first PHQ-9 course has both scores. */
	private long withBothScores() {
		return this.jdbc.sql("""
				select count(distinct o.patient_id) from reports.course_outcome o
				join fund.application a on a.patient_id = o.patient_id and a.status = 'AWARDED'
				    and a.decided_at >= date_trunc('year', now())
				where o.instrument = 'PHQ-9' and o.baseline is not null and o.eoc_total is not null""")
			.query(Long.class)
			.single();
	}

	/**
	 * The mean change, end of course minus baseline, computed here from the read model.
	 */
	private double expectedChange() {
		double mean = this.jdbc.sql("""
				select avg(eoc_total - baseline) from (
				  select distinct on (o.patient_id) o.baseline, o.eoc_total from reports.course_outcome o
				  where o.instrument = 'PHQ-9' and o.baseline is not null and o.eoc_total is not null
				    and o.patient_id in (select patient_id from fund.application where status = 'AWARDED'
				                           and decided_at >= date_trunc('year', now()))
				  order by o.patient_id, o.first_dose_at) firsts""").query(Double.class).single();
		return Math.round(mean * 10) / 10.0;
	}

}
