package org.kapclinic.billing;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.kapclinic.shared.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Fee schedules, the code list and the clinic's billing details over the API (issue 20).
 */
@RestController
@Tag(name = "Billing setup")
class BillingSetupApi {

	private final FeeSchedules schedules;

	private final ServiceCodes codes;

	private final ClinicBilling clinic;

	BillingSetupApi(FeeSchedules schedules, ServiceCodes codes, ClinicBilling clinic) {
		this.schedules = schedules;
		this.codes = codes;
		this.clinic = clinic;
	}

	@GetMapping("/api/v1/billing/fee-schedules")
	@Operation(summary = "Every fee schedule version, newest first, with its lines")
	List<FeeSchedule> feeSchedules() {
		return this.schedules.list();
	}

	@PostMapping("/api/v1/billing/fee-schedules")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Publish a new fee schedule version (ADMIN)",
			description = "{\"effectiveFrom\",\"currency\",\"note\",\"lines\":[{\"codeSystem\" (CPT, HCPCS),\"code\","
					+ "\"modifiers\",\"description\" (the clinic's own words),\"priceMinor\",\"unitsRule\" (PER_SERVICE, "
					+ "INFUSION_FIRST_HOUR, INFUSION_ADDITIONAL_HOUR, PER_MG, PER_HOUR_MONITORED),\"appliesTo\" (DOSING:IV|IM|SL|IN, "
					+ "APPOINTMENT:<type>),\"overMg\",\"upToMg\"}]}. Every code must be current in the code list.")
	FeeSchedule publish(@RequestBody FeeScheduleRequest request) {
		return this.schedules.publish(request);
	}

	@GetMapping("/api/v1/billing/service-codes")
	@Operation(summary = "The CPT/HCPCS code list fee schedules may use, each code with its status and source")
	ServiceCodes.CodeList serviceCodes() {
		return this.codes.list();
	}

	@GetMapping("/api/v1/clinic/billing")
	@Operation(summary = "The clinic as billing provider: name, address, NPI, TIN, place of service")
	ClinicBilling.Details clinicBilling() {
		return this.clinic.details().orElseThrow(() -> new NotFoundException("ClinicBilling", "clinic"));
	}

	@PutMapping("/api/v1/clinic/billing")
	@Operation(summary = "Set the clinic's billing details (ADMIN) {\"name\",\"address\",\"npi\",\"tin\","
			+ "\"placeOfService\"}; 400 for an NPI whose check digit is wrong")
	ClinicBilling.Details saveClinicBilling(@RequestBody ClinicBilling.Details request) {
		return this.clinic.save(request);
	}

}
