package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Everything about one session, as the API and the session page show it.
 *
 * @param openChecklistItems checklist items (and BASELINE_VITALS) still open before an
 * order
 * @param nextVitalsAt when the next vitals check is due ({@code nextVitalsKind}); null
 * when none is
 * @param remainingObservationMinutes minutes until discharge is allowed (0 = allowed)
 */
public record SessionDetail(DosingSession session, String protocolName, String doseUnit,
		List<String> openChecklistItems, DoseOrder order, List<DoseOrder> orders, List<Administration> administrations,
		BigDecimal totalGivenMg, BigDecimal totalGivenMgPerKg, List<Vitals> vitals, List<Observation> events,
		List<Alert> alerts, List<SessionRows.Transition> transitions, Instant nextVitalsAt, String nextVitalsKind,
		boolean vitalsOverdue, Long minutesSinceFirstDose, long remainingObservationMinutes) {

	@JsonProperty("state")
	public SessionState state() {
		return this.session.state();
	}

	/** Everyone who recorded something in the session (for names on the page). */
	java.util.Set<java.util.UUID> timelineUsers() {
		java.util.Set<java.util.UUID> users = new java.util.HashSet<>();
		this.administrations.forEach((a) -> users.add(a.recordedBy()));
		this.vitals.forEach((v) -> users.add(v.recordedBy()));
		this.events.forEach((e) -> users.add(e.recordedBy()));
		this.orders.forEach((o) -> users.add(o.orderedBy()));
		this.transitions.stream()
			.map(SessionRows.Transition::by)
			.filter(java.util.Objects::nonNull)
			.forEach(users::add);
		return users;
	}

	@JsonProperty("openAlerts")
	public List<Alert> openAlerts() {
		return this.alerts.stream().filter(Alert::open).toList();
	}

}
