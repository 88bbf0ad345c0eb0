package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BusyIndexTests {

	private static final UUID CHAIR = UUID.randomUUID();

	@Test
	void countsOverlapsHalfOpenAndAMultiDayIntervalOnce() {
		BusyIndex index = new BusyIndex();
		index.add(CHAIR, at("2030-03-04T10:00:00Z"), at("2030-03-04T11:00:00Z"));
		index.add(CHAIR, at("2030-03-04T22:00:00Z"), at("2030-03-06T02:00:00Z"));

		assertThat(index.overlapping(CHAIR, at("2030-03-04T11:00:00Z"), at("2030-03-04T12:00:00Z")))
			.as("end is exclusive")
			.isZero();
		assertThat(index.overlapping(CHAIR, at("2030-03-04T10:30:00Z"), at("2030-03-04T10:45:00Z"))).isEqualTo(1);
		assertThat(index.overlapping(CHAIR, at("2030-03-04T10:30:00Z"), at("2030-03-05T10:45:00Z"))).isEqualTo(2);
		assertThat(index.overlapping(CHAIR, at("2030-03-05T09:00:00Z"), at("2030-03-06T09:00:00Z"))).isEqualTo(1);
		assertThat(index.overlapping(UUID.randomUUID(), at("2030-03-04T10:30:00Z"), at("2030-03-04T10:45:00Z")))
			.isZero();
	}

	private static Instant at(String text) {
		return Instant.parse(text);
	}

}
