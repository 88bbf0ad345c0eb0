package org.kapclinic.dosing;

import java.time.Instant;
import java.util.UUID;

/**
 * One line of a session's timeline, in time order: state changes, orders,
 * administrations, vitals, observations, alerts. The notes module pulls it into the
 * dosing-session therapist note.
 *
 * @param kind STATE, ORDER, ADMINISTRATION, VITALS, SEDATION, DISSOCIATION, SIDE_EFFECT,
 * ADVERSE_EVENT, INTERVENTION, NOTE or ALERT
 */
public record TimelineEntry(Instant at, String kind, String text, UUID by, boolean late) {

	/**
	 * The kind in words ("Vitals", "Dose", "Sedation"), for the session page and the
	 * note.
	 */
	public String kindLabel() {
		return labelOf(this.kind);
	}

	/**
	 * The words for a timeline kind: a state change, an order, a dose, vitals or an
	 * observation.
	 */
	public static String labelOf(String kind) {
		return switch (kind) {
			case "STATE" -> "Status";
			case "ORDER" -> "Order";
			case "ADMINISTRATION" -> "Dose";
			case "VITALS" -> "Vitals";
			case "ALERT" -> "Alert";
			default -> ObservationKind.labelOf(kind);
		};
	}
}
