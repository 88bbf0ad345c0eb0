package org.kapclinic.safety;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import org.kapclinic.safety.MisuseRecordRequests.PatientRequestRequest;
import org.kapclinic.safety.MisuseRecordRequests.PdmpCheckRequest;
import org.kapclinic.safety.MisuseRecordRequests.TakeHomeReportRequest;
import org.kapclinic.safety.MisuseRecordRequests.TakeHomeSupplyRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Misuse and diversion signals over the API (issue 19): for clinical staff only. */
@RestController
class MisuseApi {

	private final MisuseSignals signals;

	private final MisuseRecords records;

	MisuseApi(MisuseSignals signals, MisuseRecords records) {
		this.signals = signals;
		this.records = records;
	}

	@GetMapping("/api/v1/patients/{id}/misuse-signals")
	@Operation(summary = "The patient's misuse and diversion signals over kap.safety.misuse-signal-window, newest "
			+ "first, with counts per kind and the recorded PDMP checks, requests and take-home supplies")
	MisuseSummary signals(@PathVariable UUID id) {
		return this.signals.of(id);
	}

	@PostMapping("/api/v1/patients/{id}/pdmp-checks")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record a PDMP check staff did {\"checkedOn\",\"state\",\"result\" (NO_CONCERN, CONCERN, "
			+ "UNAVAILABLE),\"note\"}; the software does not call a PDMP")
	Map<String, UUID> pdmpCheck(@PathVariable UUID id, @RequestBody PdmpCheckRequest request) {
		return Map.of("id", this.records.recordPdmpCheck(id, request));
	}

	@PostMapping("/api/v1/patients/{id}/patient-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Record what the patient asked for against the plan {\"kind\" (EARLY_SESSION, "
			+ "DOSE_ESCALATION),\"requestedOn\",\"note\"}")
	Map<String, UUID> patientRequest(@PathVariable UUID id, @RequestBody PatientRequestRequest request) {
		return Map.of("id", this.records.recordPatientRequest(id, request));
	}

	@PostMapping("/api/v1/patients/{id}/take-home-supplies")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "A prescriber records a take-home sublingual supply {\"product\",\"unit\","
			+ "\"quantityPrescribed\",\"prescribedOn\"}")
	Map<String, UUID> supply(@PathVariable UUID id, @RequestBody TakeHomeSupplyRequest request) {
		return Map.of("id", this.records.recordTakeHomeSupply(id, request));
	}

	@PostMapping("/api/v1/patients/{id}/take-home-supplies/{supplyId}/report")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "What the patient reported using and returning of a supply {\"quantityUsed\","
			+ "\"quantityReturned\",\"reportedOn\"}; once per supply (409 after)")
	void report(@PathVariable UUID id, @PathVariable UUID supplyId, @RequestBody TakeHomeReportRequest request) {
		this.records.reportTakeHomeUse(id, supplyId, request);
	}

}
