package org.kapclinic.patient;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param breakGlassDuration how long an emergency access to a chart outside one's care
 * team lasts ({@code kap.security.break-glass-duration}, 60 min: long enough for an
 * emergency, short enough that it is not a second care team)
 */
@ConfigurationProperties("kap.security")
record BreakGlassSettings(Duration breakGlassDuration) {

	BreakGlassSettings {
		breakGlassDuration = (breakGlassDuration == null) ? Duration.ofMinutes(60) : breakGlassDuration;
	}

}
