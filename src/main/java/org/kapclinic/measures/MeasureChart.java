package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

/**
 * Measurements as the measures tab draws and exports them: the trajectory chart's data
 * (scores, dose days, the instrument's bands) and the CSV download.
 */
final class MeasureChart {

	private MeasureChart() {
	}

	/**
	 * The chart's data, oldest first: {labels: [ISO dates], totals, bands: [{code, min,
	 * max}], min, max, continuous}. Every {@code <} is escaped so that no value can end
	 * the script element the JSON is placed in.
	 */
	static String trajectory(JsonMapper json, Instrument instrument, List<Measurement> newestFirst, List<Instant> doses,
			ZoneId zone) {
		List<String> labels = new ArrayList<>();
		List<BigDecimal> totals = new ArrayList<>();
		List<Instant> times = new ArrayList<>();
		for (int i = newestFirst.size() - 1; i >= 0; i--) {
			Measurement measurement = newestFirst.get(i);
			if (measurement.total() != null) {
				labels.add(measurement.administeredAt().atZone(zone).toLocalDate().toString());
				totals.add(measurement.total());
				times.add(measurement.administeredAt());
			}
		}
		// A dose sits between the last score before it and the first after it (the x axis
		// is one step per score): position = scores before it - 0.5.
		List<Map<String, Object>> doseMarks = new ArrayList<>();
		for (Instant dose : doses) {
			long before = times.stream().filter((time) -> !time.isAfter(dose)).count();
			if (before > 0 && before < times.size()) {
				doseMarks.add(Map.of("at", before - 0.5, "label", "dose " + dose.atZone(zone).toLocalDate()));
			}
		}
		List<Map<String, Object>> bands = instrument.scoring()
			.bands()
			.stream()
			.map((band) -> Map.<String, Object>of("code", band.code(), "min", band.min(), "max", band.max()))
			.toList();
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("instrument", instrument.code());
		data.put("labels", labels);
		data.put("totals", totals);
		data.put("bands", bands);
		data.put("doses", doseMarks);
		data.put("min", instrument.scoring().min());
		data.put("max", instrument.scoring().max());
		// A mean (PEG, BPI) has a decimal: its band is the last starting at or below it.
		data.put("continuous", "MEAN".equals(instrument.scoring().type()));
		return json.writeValueAsString(data).replace("<", "\\u003c");
	}

	/** Columns administeredAt,instrument,total,severity,complete,flags; newest first. */
	static String csv(List<Measurement> measurements, ZoneId zone) {
		StringBuilder csv = new StringBuilder("administeredAt,instrument,total,severity,complete,flags\r\n");
		for (Measurement measurement : measurements) {
			csv.append(DateTimeFormatter.ISO_OFFSET_DATE_TIME
				.format(measurement.administeredAt().atZone(zone).truncatedTo(ChronoUnit.SECONDS)))
				.append(',')
				.append(text(measurement.instrument()))
				.append(',')
				.append((measurement.total() != null) ? measurement.total().toPlainString() : "")
				.append(',')
				.append(text(measurement.severity()))
				.append(',')
				.append(measurement.complete())
				.append(',')
				.append(text(String.join(";", measurement.flags())))
				.append("\r\n");
		}
		return csv.toString();
	}

	/**
	 * A CSV text cell: quoted when needed, and never read as a formula by a spreadsheet.
	 */
	private static String text(String value) {
		if (value == null || value.isEmpty()) {
			return "";
		}
		String safe = ("=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

}
