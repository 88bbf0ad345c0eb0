package org.kapclinic.dosing;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Dosing sessions")
class DosingApi {

	private static final String SESSION = "/api/v1/dosing-sessions/{id}";

	private final Protocols protocols;

	private final CheckIns checkIns;

	private final DosingSessions sessions;

	private final Administrations administrations;

	private final Discharges discharges;

	private final Monitoring monitoring;

	private final Observations observations;

	private final SessionReads reads;

	private final RemsSummaries rems;

	private final RemsForms remsForms;

	private final FloorBoard board;

	private final Exposures exposures;

	DosingApi(Protocols protocols, CheckIns checkIns, DosingSessions sessions, Administrations administrations,
			Discharges discharges, Monitoring monitoring, Observations observations, SessionReads reads,
			RemsSummaries rems, FloorBoard board, RemsForms remsForms, Exposures exposures) {
		this.exposures = exposures;
		this.administrations = administrations;
		this.discharges = discharges;
		this.remsForms = remsForms;
		this.protocols = protocols;
		this.checkIns = checkIns;
		this.sessions = sessions;
		this.monitoring = monitoring;
		this.observations = observations;
		this.reads = reads;
		this.rems = rems;
		this.board = board;
	}

	@GetMapping("/api/v1/protocols")
	@Operation(summary = "Dosing protocols (newest version of each), with thresholds and their sources")
	List<Protocol> protocols() {
		return this.protocols.current();
	}

	@GetMapping("/api/v1/protocols/{code}")
	@Operation(summary = "The newest version of one protocol")
	Protocol protocol(@PathVariable String code) {
		return this.protocols.current(code);
	}

	@PostMapping("/api/v1/protocols")
	@Operation(summary = "Publish a new protocol version (ADMIN); versions are never edited")
	ResponseEntity<Protocol> publish(@RequestBody Protocol protocol) {
		return ResponseEntity.status(201).body(this.protocols.publish(protocol));
	}

	@PostMapping("/api/v1/dosing-sessions")
	@Operation(summary = "Check in for a dosing session: 201, or 422 naming each missing prerequisite")
	ResponseEntity<DosingSession> checkIn(@RequestBody DosingRequests.CheckIn request) {
		DosingSession session = this.checkIns.checkIn(request);
		return ResponseEntity.created(URI.create("/api/v1/dosing-sessions/" + session.id())).body(session);
	}

	@GetMapping("/api/v1/dosing-sessions/board")
	@Operation(summary = "The floor board: every active session the user may see")
	List<BoardRow> board() {
		return this.board.rows();
	}

	@GetMapping(SESSION)
	@Operation(summary = "A session with its order, administrations, vitals, events, alerts and next vitals due")
	SessionDetail session(@PathVariable UUID id) {
		return this.reads.detail(id);
	}

	@GetMapping(SESSION + "/timeline")
	@Operation(summary = "The session's timeline in time order")
	List<TimelineEntry> timeline(@PathVariable UUID id) {
		return this.reads.timeline(id);
	}

	@GetMapping("/api/v1/patients/{id}/dosing-sessions")
	@Operation(summary = "A patient's dosing sessions, newest first")
	List<DosingSession> forPatient(@PathVariable UUID id) {
		return this.reads.forPatient(id);
	}

	@GetMapping("/api/v1/patients/{id}/doses")
	@Operation(summary = "The doses a patient was given: date, protocol, route, total mg and mg/kg per session")
	List<SessionReads.GivenDose> doses(@PathVariable UUID id) {
		return this.reads.givenDoses(id);
	}

	@GetMapping("/api/v1/patients/{id}/exposure")
	@Operation(summary = "Cumulative exposure: sessions, total mg and racemic mg/kg per rolling 30, 90 and 365 days "
			+ "and lifetime, by route and product, with the clinic's cautions (kap.safety.exposure.*)")
	PatientExposure exposure(@PathVariable UUID id) {
		return this.exposures.of(id);
	}

	@PostMapping(SESSION + "/checklist")
	@Operation(summary = "Record pre-dose checklist items {\"items\":{\"FASTING\":true,…},\"concomitant\":[…]}")
	Map<String, Object> checklist(@PathVariable UUID id, @RequestBody DosingRequests.Checklist request) {
		List<String> open = this.sessions.checklist(id, request);
		return Map.of("openItems", open, "complete", open.isEmpty());
	}

	@PostMapping(SESSION + "/vitals")
	@Operation(
			summary = "Record vitals: 201 with the alerts they raised; pre-dose readings above the hold thresholds hold the session")
	ResponseEntity<Monitoring.VitalsResult> vitals(@PathVariable UUID id,
			@RequestBody DosingRequests.VitalsEntry request) {
		return ResponseEntity.status(201).body(this.monitoring.vitals(id, request));
	}

	@PostMapping(SESSION + "/hold/override")
	@Operation(
			summary = "A prescriber releases a held session with a reason {\"reason\",\"coSigner\":{\"username\",\"password\"}};"
					+ " a hold at the pre-dose ceiling (default 180/110) needs a second clinician's credentials, 409 COSIGNER_REQUIRED without")
	ResponseEntity<Void> overrideHold(@PathVariable UUID id, @RequestBody DosingRequests.HoldOverride request) {
		this.sessions.overrideHold(id, request);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(SESSION + "/order")
	@Operation(
			summary = "Order the dose (PRESCRIBER) in mg/kg or mg: 201 with mg, mg/kg and weight; 409 before the checks; 422 above a ceiling")
	ResponseEntity<DoseOrder> order(@PathVariable UUID id, @RequestBody DosingRequests.Order request) {
		return ResponseEntity.status(201).body(this.sessions.order(id, request));
	}

	@PostMapping(SESSION + "/order/verify")
	@Operation(summary = "Second-person verification of the order (a clinician other than the prescriber)")
	DoseOrder verify(@PathVariable UUID id) {
		return this.sessions.verify(id);
	}

	@PostMapping(SESSION + "/administrations")
	@Operation(summary = "START, RATE_CHANGE, PAUSE, RESUME, STOP, ADDITIONAL or DEVICE, with its real time (at)")
	ResponseEntity<Administration> administer(@PathVariable UUID id,
			@RequestBody DosingRequests.AdministrationEntry request) {
		return ResponseEntity.status(201).body(this.administrations.administer(id, request));
	}

	@PostMapping(SESSION + "/events")
	@Operation(summary = "Sedation (MOAA/S), dissociation (CADSS), side effects, adverse events, interventions, notes")
	ResponseEntity<Observations.EventResult> event(@PathVariable UUID id,
			@RequestBody DosingRequests.EventEntry request) {
		return ResponseEntity.status(201).body(this.observations.event(id, request));
	}

	@PostMapping(SESSION + "/alerts/{alertId}/acknowledge")
	@Operation(summary = "Acknowledge an alert, saying what was done")
	ResponseEntity<Void> acknowledge(@PathVariable UUID id, @PathVariable UUID alertId,
			@RequestBody Map<String, String> request) {
		this.observations.acknowledge(id, alertId, (request != null) ? request.get("note") : null);
		return ResponseEntity.noContent().build();
	}

	@PostMapping(SESSION + "/ready-for-discharge")
	@Operation(summary = "The discharge criteria are met (attested; BP checked against the baseline)")
	SessionDetail ready(@PathVariable UUID id, @RequestBody DosingRequests.Discharge request) {
		this.discharges.readyForDischarge(id, request);
		return this.reads.detail(id);
	}

	@PostMapping(SESSION + "/discharge")
	@Operation(
			summary = "Discharge: 200, or 409 with remainingMinutes before the minimum observation since the last dose")
	DosingSession discharge(@PathVariable UUID id, @RequestBody(required = false) DosingRequests.Discharge request) {
		return this.discharges.discharge(id, request);
	}

	@PostMapping(SESSION + "/abort")
	@Operation(summary = "End the session early, with a reason")
	DosingSession abort(@PathVariable UUID id, @RequestBody DosingRequests.Reason request) {
		return this.discharges.abort(id, (request != null) ? request.reason() : null);
	}

	@PostMapping(SESSION + "/rems-form")
	@Operation(
			summary = "Record the REMS Patient Monitoring Form as submitted {\"submittedAt\",\"confirmationNumber\"}; completes the prescriber's task")
	RemsForms.RemsForm submitRemsForm(@PathVariable UUID id, @RequestBody DosingRequests.RemsFormSubmission request) {
		return this.remsForms.submit(id, request);
	}

	@GetMapping(SESSION + "/rems-summary")
	@Operation(summary = "Spravato REMS patient monitoring form fields for an esketamine session")
	RemsSummary remsSummary(@PathVariable UUID id) {
		return this.rems.summary(id);
	}

}
