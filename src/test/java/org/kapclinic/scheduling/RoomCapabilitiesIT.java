package org.kapclinic.scheduling;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 6: room capabilities are a vocabulary. The label or the code in any case
 * and spacing names the capability (the "iv pump" an administrator types is the IV pump
 * an infusion needs), anything else is 400, and the V69 migration maps stored free text
 * the same way.
 */
class RoomCapabilitiesIT extends IntegrationTest {

	@Test
	void aCapabilityIsNamedByCodeOrLabelInAnyCaseAndAnythingElseIsRefused() {
		String admin = tokenFor("admin");
		Response created = this.api.post("/api/v1/rooms", Map.of("name", "Vocab chair " + UUID.randomUUID(), "kind",
				"CHAIR", "capabilities", List.of("iv  pump", "PULSE_OXIMETER", "Pulse-Oximeter")), admin);
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.json().get("capabilities").toString()).isEqualTo("[\"IV_PUMP\",\"PULSE_OXIMETER\"]");

		Response unknown = this.api.post("/api/v1/rooms",
				Map.of("name", "Lamp room " + UUID.randomUUID(), "kind", "ROOM", "capabilities", List.of("lava lamp")),
				admin);
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("capabilities", "lava lamp", "IV pump");

		Response needs = this.api.get("/api/v1/availability?type=PREPARATION&from=2031-01-06T00:00:00Z"
				+ "&to=2031-01-07T00:00:00Z&durationMinutes=60&needs=lava%20lamp", tokenFor("dr.quill"));
		assertThat(needs.status()).isEqualTo(400);
	}

	@Test
	void aKindIsChairOrRoomInAnyCaseAndAnythingElseIsRefusedNamingBoth() {
		String admin = tokenFor("admin");
		Response chair = this.api.post("/api/v1/rooms",
				Map.of("name", "Kind chair " + UUID.randomUUID(), "kind", " chair ", "capabilities", List.of()), admin);
		assertThat(chair.status()).as(chair.body()).isEqualTo(201);
		assertThat(chair.json().get("kind").asString()).isEqualTo("CHAIR");

		String sofa = "Sofa " + UUID.randomUUID();
		Response refused = this.api.post("/api/v1/rooms",
				Map.of("name", sofa, "kind", "SOFA", "capabilities", List.of()), admin);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("\"kind\"", "must be CHAIR or ROOM");
		assertThat(this.jdbc.sql("select count(*) from scheduling.room where name = ?")
			.param(sofa)
			.query(Long.class)
			.single()).as("nothing half-saved").isZero();
	}

	@Test
	void theMigrationMapsStoredFreeTextTheSameWay() {
		assertThat(code(" iv  PUMP ")).isEqualTo("IV_PUMP");
		assertThat(code("IV_PUMP")).isEqualTo("IV_PUMP");
		assertThat(code("pulse-oximeter")).isEqualTo("PULSE_OXIMETER");
		assertThat(code("Reclining chair")).isEqualTo("RECLINER");
		assertThat(code("lava lamp")).as("names none: kept as unrecognised").isEqualTo("none");
		for (RoomCapability capability : RoomCapability.values()) {
			assertThat(code(capability.label())).as("every label in the migration's vocabulary")
				.isEqualTo(capability.name());
		}
	}

	private String code(String text) {
		return this.jdbc.sql("select coalesce(scheduling.capability_code(?), 'none')")
			.param(text)
			.query(String.class)
			.single();
	}

}
