package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.Refusal;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The session page's forms, one post per step: checklist, vitals, hold override, order
 * and its verification, administrations, observations, alert acknowledgement, discharge
 * and ending early. Each goes back to the session page with what happened or why not (the
 * refusal's words, never a code). The services check access and rules.
 */
@Controller
class SessionStepPages {

	private final DosingSessions sessions;

	private final Administrations administrations;

	private final Discharges discharges;

	private final Monitoring monitoring;

	private final Observations observations;

	private final ClinicTime clinicTime;

	SessionStepPages(DosingSessions sessions, Administrations administrations, Discharges discharges,
			Monitoring monitoring, Observations observations, ClinicTime clinicTime) {
		this.sessions = sessions;
		this.administrations = administrations;
		this.discharges = discharges;
		this.monitoring = monitoring;
		this.observations = observations;
		this.clinicTime = clinicTime;
	}

	@PostMapping("/dosing/sessions/{id}/checklist")
	String checklist(@PathVariable UUID id, @RequestParam(required = false) List<String> shown,
			@RequestParam(required = false) List<String> items,
			@RequestParam(required = false) List<String> concomitant, RedirectAttributes redirect) {
		// Every item the form showed is answered: ticked true, unticked false.
		Map<String, Boolean> answers = new HashMap<>();
		List<String> checked = (items != null) ? items : List.of();
		((shown != null) ? shown : checked).forEach((item) -> answers.put(item, checked.contains(item)));
		return attempt(id, redirect, "Checklist saved.", () -> this.sessions.checklist(id,
				new DosingRequests.Checklist(answers, (concomitant != null) ? concomitant : List.of())));
	}

	@PostMapping("/dosing/sessions/{id}/vitals")
	String vitals(@PathVariable UUID id, @RequestParam(required = false) Integer systolic,
			@RequestParam(required = false) Integer diastolic, @RequestParam(required = false) Integer heartRate,
			@RequestParam(required = false) Integer spo2, @RequestParam(required = false) Integer respiratoryRate,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
			RedirectAttributes redirect) {
		return attempt(id, redirect, "Vitals recorded.", () -> {
			Monitoring.VitalsResult result = this.monitoring.vitals(id,
					new DosingRequests.VitalsEntry(systolic, diastolic, heartRate, spo2, respiratoryRate, instant(at)));
			if (!result.alerts().isEmpty()) {
				redirect.addFlashAttribute("error",
						"Alert: " + String.join("; ", result.alerts().stream().map(Alert::message).toList()));
			}
		});
	}

	@PostMapping("/dosing/sessions/{id}/hold/override")
	String overrideHold(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String coSignerUsername,
			@RequestParam(required = false) String coSignerPassword, RedirectAttributes redirect) {
		DosingRequests.CoSigner coSigner = (coSignerUsername != null && !coSignerUsername.isBlank())
				? new DosingRequests.CoSigner(coSignerUsername, coSignerPassword) : null;
		return attempt(id, redirect, "Hold overridden.",
				() -> this.sessions.overrideHold(id, new DosingRequests.HoldOverride(reason, coSigner)));
	}

	@PostMapping("/dosing/sessions/{id}/order")
	String order(@PathVariable UUID id, @RequestParam(required = false) BigDecimal dose,
			@RequestParam(required = false) String unit, @RequestParam(required = false) String overrideReason,
			@RequestParam(required = false) String exposureReason, RedirectAttributes redirect) {
		boolean mg = "mg".equals(unit);
		return attempt(id, redirect, "Order placed.",
				() -> this.sessions.order(id, new DosingRequests.Order(mg ? null : dose, mg ? dose : null,
						reason(overrideReason), reason(exposureReason))));
	}

	@PostMapping("/dosing/sessions/{id}/order/verify")
	String verify(@PathVariable UUID id, RedirectAttributes redirect) {
		return attempt(id, redirect, "Order verified.", () -> this.sessions.verify(id));
	}

	@PostMapping("/dosing/sessions/{id}/administrations")
	String administer(@PathVariable UUID id, @RequestParam String kind,
			@RequestParam(required = false) BigDecimal doseMg, @RequestParam(required = false) UUID lotId,
			@RequestParam(required = false) BigDecimal rateMgPerHour,
			@RequestParam(required = false) String overrideReason,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
			RedirectAttributes redirect) {
		return attempt(id, redirect, AdministrationKind.labelOf(kind) + " recorded.",
				() -> this.administrations.administer(id,
						new DosingRequests.AdministrationEntry(kind, doseMg, lotId, instant(at), rateMgPerHour,
								(overrideReason != null && !overrideReason.isBlank())
										? new DosingRequests.Override(overrideReason) : null)));
	}

	@PostMapping("/dosing/sessions/{id}/events")
	String event(@PathVariable UUID id, @RequestParam String kind, @RequestParam(required = false) Integer moaas,
			@RequestParam(required = false) Integer cadssTotal, @RequestParam(required = false) String effect,
			@RequestParam(required = false) String severity, @RequestParam(required = false) String drug,
			@RequestParam(required = false) String dose, @RequestParam(required = false) String text,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) LocalDateTime at,
			RedirectAttributes redirect) {
		return attempt(id, redirect, "Recorded.", () -> {
			Observations.EventResult result = this.observations.event(id, new DosingRequests.EventEntry(kind, moaas,
					cadssTotal, blank(effect), blank(severity), drug, dose, text, instant(at)));
			if (!result.alerts().isEmpty()) {
				redirect.addFlashAttribute("error",
						"Alert: " + String.join("; ", result.alerts().stream().map(Alert::message).toList()));
			}
		});
	}

	@PostMapping("/dosing/sessions/{id}/alerts/{alertId}/acknowledge")
	String acknowledge(@PathVariable UUID id, @PathVariable UUID alertId, @RequestParam(required = false) String note,
			RedirectAttributes redirect) {
		return attempt(id, redirect, "Alert acknowledged.", () -> this.observations.acknowledge(id, alertId, note));
	}

	@PostMapping("/dosing/sessions/{id}/discharge")
	String discharge(@PathVariable UUID id, @RequestParam(required = false) List<String> criteria,
			@RequestParam(defaultValue = "discharge") String step, RedirectAttributes redirect) {
		Map<String, Boolean> attested = new HashMap<>();
		if (criteria != null) {
			criteria.forEach((c) -> attested.put(c, true));
		}
		DosingRequests.Discharge request = new DosingRequests.Discharge(attested);
		if ("ready".equals(step)) {
			return attempt(id, redirect, "Ready for discharge.", () -> this.discharges.readyForDischarge(id, request));
		}
		return attempt(id, redirect, "Discharged.", () -> this.discharges.discharge(id, request));
	}

	@PostMapping("/dosing/sessions/{id}/abort")
	String abort(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return attempt(id, redirect, "Session ended.", () -> this.discharges.abort(id, reason));
	}

	// --- helpers ------------------------------------------------------------------

	private String attempt(UUID id, RedirectAttributes redirect, String success, Runnable step) {
		try {
			step.run();
			if (!redirect.getFlashAttributes().containsKey("error")
					&& !redirect.getFlashAttributes().containsKey(Refusal.ATTRIBUTE)) {
				redirect.addFlashAttribute("message", success);
			}
		}
		catch (InvalidInputException | RuleViolationException | ConflictException ex) {
			Refusal.flash(redirect, ex);
		}
		return "redirect:/dosing/sessions/" + id;
	}

	private java.time.Instant instant(LocalDateTime at) {
		return (at != null) ? at.atZone(this.clinicTime.timeZone()).toInstant() : null;
	}

	private static String blank(String value) {
		return (value == null || value.isBlank()) ? null : value;
	}

	private static DosingRequests.Override reason(String text) {
		return (text != null && !text.isBlank()) ? new DosingRequests.Override(text) : null;
	}

}
