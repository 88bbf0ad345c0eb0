package org.kapclinic.intake.consultation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Abuse limits of the public consultation page ({@code kap.consultation.*}).
 *
 * @param submissionsPerAddress submissions one client address may send per {@code window}
 * (default 5 per hour; a family sharing a connection still fits)
 * @param window the rate-limit window
 */
@ConfigurationProperties("kap.consultation")
record ConsultationSettings(Integer submissionsPerAddress, Duration window) {

	ConsultationSettings {
		submissionsPerAddress = (submissionsPerAddress == null) ? 5 : submissionsPerAddress;
		window = (window == null) ? Duration.ofHours(1) : window;
	}

}
