package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart data: scores oldest first, and doses placed between the scores around them.
 */
class TrajectoryTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void dosesSitBetweenTheScoresBeforeAndAfterThemAndOutsideTheRangeAreLeftOut() {
		Instrument phq9 = ScorerTests.LIBRARY.find("PHQ-9").orElseThrow();
		List<Measurement> newestFirst = List.of(score(8, "2026-03-15"), score(14, "2026-03-08"),
				score(20, "2026-03-01"));
		List<Instant> doses = List.of(Instant.parse("2026-02-20T10:00:00Z"), Instant.parse("2026-03-03T10:00:00Z"),
				Instant.parse("2026-03-10T10:00:00Z"), Instant.parse("2026-03-20T10:00:00Z"));

		JsonNode data = JSON.readTree(MeasureChart.trajectory(JSON, phq9, newestFirst, doses, ZoneOffset.UTC));

		assertThat(data.get("labels").toString()).isEqualTo("[\"2026-03-01\",\"2026-03-08\",\"2026-03-15\"]");
		assertThat(data.get("totals").toString()).isEqualTo("[20,14,8]");
		assertThat(data.get("doses")).hasSize(2);
		assertThat(data.get("doses").get(0).get("at").asDouble()).isEqualTo(0.5);
		assertThat(data.get("doses").get(1).get("at").asDouble()).isEqualTo(1.5);
		assertThat(data.get("doses").get(1).get("label").asString()).isEqualTo("dose 2026-03-10");
	}

	private static Measurement score(int total, String date) {
		Instant at = Instant.parse(date + "T09:00:00Z");
		return new Measurement(UUID.randomUUID(), UUID.randomUUID(), "PHQ-9", "1", null, BigDecimal.valueOf(total),
				null, Map.of(), List.of(), true, at, at, null);
	}

}
