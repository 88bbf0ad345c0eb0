package org.kapclinic.fhir;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ParamPrefixEnum;
import org.kapclinic.shared.ClinicTime;
import org.springframework.stereotype.Component;

/**
 * A searched date range as instants {@code [from, before)}. A date without a time means
 * the clinic's day (its time zone), not HAPI's widest reading of it (which starts 14
 * hours earlier, at UTC+14): {@code date=ge2026-11-02} finds nothing from the 1st.
 */
@Component
class FhirDates {

	private final ClinicTime clinicTime;

	FhirDates(ClinicTime clinicTime) {
		this.clinicTime = clinicTime;
	}

	/** The range's inclusive start, or null when open. */
	Instant from(DateRangeParam range) {
		DateParam lower = (range == null) ? null : range.getLowerBound();
		if (lower == null || lower.getValue() == null) {
			return null;
		}
		ParamPrefixEnum prefix = lower.getPrefix();
		boolean after = prefix == ParamPrefixEnum.GREATERTHAN || prefix == ParamPrefixEnum.STARTS_AFTER;
		return after ? end(lower) : start(lower);
	}

	/** The range's exclusive end, or null when open. */
	Instant before(DateRangeParam range) {
		DateParam upper = (range == null) ? null : range.getUpperBound();
		if (upper == null || upper.getValue() == null) {
			return null;
		}
		ParamPrefixEnum prefix = upper.getPrefix();
		boolean strictlyBefore = prefix == ParamPrefixEnum.LESSTHAN || prefix == ParamPrefixEnum.ENDS_BEFORE;
		return strictlyBefore ? start(upper) : end(upper);
	}

	private Instant start(DateParam param) {
		TemporalPrecisionEnum precision = param.getPrecision();
		if (precision.ordinal() > TemporalPrecisionEnum.DAY.ordinal()) {
			return param.getValue().toInstant();
		}
		return day(param).atStartOfDay(this.clinicTime.timeZone()).toInstant();
	}

	private Instant end(DateParam param) {
		TemporalPrecisionEnum precision = param.getPrecision();
		if (precision.ordinal() > TemporalPrecisionEnum.DAY.ordinal()) {
			return precision.add(param.getValue(), 1).toInstant();
		}
		ZonedDateTime start = day(param).atStartOfDay(this.clinicTime.timeZone());
		return switch (precision) {
			case YEAR -> start.plusYears(1).toInstant();
			case MONTH -> start.plusMonths(1).toInstant();
			default -> start.plusDays(1).toInstant();
		};
	}

	/**
	 * The first day of a year, month or day as written ("2026", "2026-11", "2026-11-02").
	 */
	private static LocalDate day(DateParam param) {
		String text = param.getValueAsString();
		return switch (param.getPrecision()) {
			case YEAR -> LocalDate.of(Integer.parseInt(text.substring(0, 4)), 1, 1);
			case MONTH -> LocalDate.parse(text.substring(0, 7) + "-01");
			default -> LocalDate.parse(text.substring(0, 10));
		};
	}

}
