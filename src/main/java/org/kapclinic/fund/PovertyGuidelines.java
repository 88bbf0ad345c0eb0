package org.kapclinic.fund;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HHS poverty guidelines as versioned data ({@code fund/poverty-guidelines.json},
 * each year with its Federal Register source and confidence) and the household's percent
 * of them (issue 20's sliding scale and fund applications).
 */
@Component
class PovertyGuidelines {

	/** One year's table: the first person and each additional person, per region. */
	record Year(int year, String source, String confidence, Map<String, Region> regions) {
	}

	/** A region's figures in whole dollars. */
	record Region(long firstPerson, long additionalPerson) {
	}

	record Table(String description, List<Year> years) {
	}

	private final List<Year> years;

	PovertyGuidelines(JsonMapper json) {
		try (InputStream in = new ClassPathResource("fund/poverty-guidelines.json").getInputStream()) {
			this.years = json.readValue(in, Table.class).years();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The household's percent of the latest guidelines for the region published by
	 * {@code year}: for household size n, first person + (n − 1) × additional person.
	 */
	PovertyPercent percent(int householdSize, long annualIncomeMinor, String region, int year) {
		Year table = this.years.stream()
			.filter((y) -> y.year() <= year && y.regions().containsKey(region))
			.max(Comparator.comparingInt(Year::year))
			.orElseThrow(() -> new IllegalStateException("No poverty guidelines for " + region + " by " + year));
		Region figures = table.regions().get(region);
		long guidelineMinor = (figures.firstPerson() + (householdSize - 1L) * figures.additionalPerson()) * 100;
		long percent = Math.multiplyExact(annualIncomeMinor, 100L) / guidelineMinor;
		return new PovertyPercent(table.year(), region, guidelineMinor, (int) Math.min(percent, Integer.MAX_VALUE),
				table.source());
	}

}
