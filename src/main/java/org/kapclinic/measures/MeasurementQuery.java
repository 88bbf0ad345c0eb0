package org.kapclinic.measures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Scored administrations of one patient for another system (FHIR's
 * {@code Observation?patient=&code=&date=&_sort=}): of these instruments (empty: all),
 * administered in {@code [from, before)} (either end open when null), newest or oldest
 * first, one page.
 */
public record MeasurementQuery(UUID patientId, List<String> instruments, Instant from, Instant before,
		boolean newestFirst, int offset, int limit) {

	public MeasurementQuery {
		instruments = (instruments == null) ? List.of() : List.copyOf(instruments);
	}

}
