package org.kapclinic.measures;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * A {@code measures.measurement} row as a {@link Measurement}. Static, not a method of
 * the transactional service: a search maps every row, and each call through the service's
 * proxy went through its transaction advice again.
 */
final class MeasurementRows {

	/** Lists of numbers and a map of numbers: no application settings apply. */
	private static final JsonMapper JSON = JsonMapper.builder().build();

	// Readers made once: readValue(String, TypeReference) resolves the generic type on
	// every call, which was 7% of a FHIR trajectory search's CPU (20 rows a request).
	private static final ObjectReader ANSWERS = JSON.readerFor(new TypeReference<List<Integer>>() {
	});

	private static final ObjectReader SUBSCALES = JSON.readerFor(new TypeReference<Map<String, Integer>>() {
	});

	private MeasurementRows() {
	}

	static Measurement map(ResultSet rs) throws SQLException {
		String answers = rs.getString("answers");
		Array flags = rs.getArray("flags");
		BigDecimal total = rs.getBigDecimal("total");
		return new Measurement(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("instrument"), rs.getString("instrument_version"),
				(answers != null) ? ANSWERS.readValue(answers) : null,
				(total != null) ? total.stripTrailingZeros() : null, rs.getString("severity"),
				SUBSCALES.readValue(rs.getString("subscales")), Arrays.asList((String[]) flags.getArray()),
				rs.getBoolean("complete"), rs.getTimestamp("administered_at").toInstant(),
				rs.getTimestamp("recorded_at").toInstant(), rs.getObject("recorded_by", UUID.class));
	}

}
