package org.kapclinic.reports;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

import jakarta.validation.constraints.Min;

/**
 * Settings of the practice reports ({@code kap.reports.*}).
 *
 * @param minCell the smallest number of patients a shown figure may come from (11, the
 * threshold of CMS's cell-size suppression policy); at least 2, since a standard
 * deviation needs two
 * @param followUpTolerance how far from a window's target a score may be and still count
 * as that window's follow-up (14 days either side)
 * @param exportRetention how long a research export's ZIP is kept for download (7 days;
 * the record of the export stays)
 */
@Validated
@ConfigurationProperties("kap.reports")
public record ReportSettings(@Min(2) Integer minCell, Duration followUpTolerance, Duration exportRetention) {

	public ReportSettings {
		minCell = (minCell == null) ? SmallCells.DEFAULT_MIN : minCell;
		followUpTolerance = (followUpTolerance == null) ? Duration.ofDays(14) : followUpTolerance;
		exportRetention = (exportRetention == null) ? Duration.ofDays(7) : exportRetention;
	}

}
