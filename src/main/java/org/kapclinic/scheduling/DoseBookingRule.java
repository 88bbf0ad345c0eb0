package org.kapclinic.scheduling;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A rule another module adds to booking a dose (an SPI: scheduling asks, the module that
 * owns the rule answers, and scheduling does not depend on it). The safety module's
 * maintenance review is one (issue 19).
 */
public interface DoseBookingRule {

	/**
	 * Why a dose for the patient starting at {@code start} may not be booked, each as
	 * {@code CODE: what to do}; empty when it may.
	 */
	List<String> refusals(UUID patientId, Instant start);

}
