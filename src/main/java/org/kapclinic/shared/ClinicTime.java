package org.kapclinic.shared;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The clinic's clock and time zone. Instants are stored in UTC; the zone only decides
 * calendar questions such as "how old is the patient today".
 *
 * @param timeZone the clinic's zone, {@code kap.clinic.time-zone} (default: the host's)
 */
@ConfigurationProperties("kap.clinic")
public record ClinicTime(ZoneId timeZone) {

	public ClinicTime {
		if (timeZone == null) {
			timeZone = ZoneId.systemDefault();
		}
	}

	public LocalDate today(Clock clock) {
		return LocalDate.now(clock.withZone(this.timeZone));
	}

	/** The clinic's calendar date of an instant. */
	public LocalDate date(java.time.Instant instant) {
		return instant.atZone(this.timeZone).toLocalDate();
	}

}
