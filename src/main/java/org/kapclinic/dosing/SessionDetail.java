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
record SessionDetail(DosingSession session, String protocolName, String doseUnit, List<String> openChecklistItems,
		DoseOrder order, List<DoseOrder> orders, List<Administration> administrations, BigDecimal totalGivenMg,
		BigDecimal totalGivenMgPerKg, List<Vitals> vitals, List<Observation> events, List<Alert> alerts,
		List<SessionRows.Transition> transitions, Instant nextVitalsAt, String nextVitalsKind, boolean vitalsOverdue,
		Long minutesSinceFirstDose, long remainingObservationMinutes) {

	@JsonProperty("state")
	public SessionState state() {
		return this.session.state();
	}

	/**
	 * The session's timeline in time order, from what this detail already holds: state
	 * changes, orders, administrations, vitals, observations, alerts.
	 */
	public List<TimelineEntry> timeline() {
		List<TimelineEntry> entries = new java.util.ArrayList<>();
		for (SessionRows.Transition t : this.transitions) {
			entries.add(new TimelineEntry(t.at(), "STATE",
					SessionState.labelOf(t.to()) + ((t.reason() != null) ? ": " + t.reason() : ""), t.by(), false));
		}
		for (DoseOrder o : this.orders) {
			entries.add(new TimelineEntry(o.orderedAt(), "ORDER",
					o.doseMg() + " mg (" + o.doseMgPerKg() + " mg/kg at " + o.weightKg() + " kg)"
							+ ((o.rateMgPerHour() != null)
									? ", " + o.rateMgPerHour() + " mg/h over " + o.infusionMinutes() + " min" : "")
							+ ((o.overrideReason() != null) ? ", override: " + o.overrideReason() : "")
							+ ((o.supersededAt() != null) ? " (replaced)" : ""),
					o.orderedBy(), false));
		}
		for (Administration a : this.administrations) {
			entries.add(new TimelineEntry(a.at(), "ADMINISTRATION",
					AdministrationKind.labelOf(a.kind()) + ((a.doseMg() != null) ? " " + a.doseMg() + " mg" : "")
							+ ((a.rateMgPerHour() != null) ? " at " + a.rateMgPerHour() + " mg/h" : ""),
					a.recordedBy(), a.late()));
		}
		for (Vitals v : this.vitals) {
			entries.add(new TimelineEntry(v.at(), "VITALS",
					"BP " + v.systolic() + "/" + v.diastolic() + ", HR " + v.heartRate()
							+ ((v.spo2() != null) ? ", SpO2 " + v.spo2() + " %" : "")
							+ ((v.respiratoryRate() != null) ? ", RR " + v.respiratoryRate() : "")
							+ (v.preDose() ? " (pre-dose)" : ""),
					v.recordedBy(), v.late()));
		}
		for (Observation o : this.events) {
			entries.add(new TimelineEntry(o.at(), o.kind(), SessionReads.describe(o), o.recordedBy(), o.late()));
		}
		for (Alert a : this.alerts) {
			entries.add(new TimelineEntry(a.at(), "ALERT",
					a.message() + ((a.acknowledgedAt() != null) ? " — acknowledged: " + a.acknowledgement() : ""), null,
					false));
		}
		entries.sort(java.util.Comparator.comparing(TimelineEntry::at));
		return entries;
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
