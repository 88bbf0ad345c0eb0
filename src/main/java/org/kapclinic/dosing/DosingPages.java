package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.ClinicResources;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The dosing pages: the floor board (rows fetched by htmx, pushed by server-sent events),
 * the session page with a form per step, and the chart's Dosing tab with check-in. The
 * services check access and rules; this only turns form posts into calls and refusals
 * into messages.
 */
@Controller
class DosingPages {

	private final FloorBoard board;

	private final BoardPush push;

	private final CheckIns checkIns;

	private final DosingSessions sessions;

	private final Monitoring monitoring;

	private final SessionReads reads;

	private final Protocols protocols;

	private final Patients patients;

	private final Appointments appointments;

	private final ClinicResources resources;

	private final UserDirectory directory;

	private final ClinicTime clinicTime;

	private final DosingSettings settings;

	private final RemsSummaries rems;

	private final org.kapclinic.ledger.Ledger ledger;

	private final org.kapclinic.identity.CurrentUser currentUser;

	DosingPages(FloorBoard board, BoardPush push, CheckIns checkIns, DosingSessions sessions, Monitoring monitoring,
			SessionReads reads, Protocols protocols, Patients patients, Appointments appointments,
			ClinicResources resources, UserDirectory directory, ClinicTime clinicTime, DosingSettings settings,
			RemsSummaries rems, org.kapclinic.ledger.Ledger ledger, org.kapclinic.identity.CurrentUser currentUser) {
		this.rems = rems;
		this.ledger = ledger;
		this.currentUser = currentUser;
		this.board = board;
		this.push = push;
		this.checkIns = checkIns;
		this.sessions = sessions;
		this.monitoring = monitoring;
		this.reads = reads;
		this.protocols = protocols;
		this.patients = patients;
		this.appointments = appointments;
		this.resources = resources;
		this.directory = directory;
		this.clinicTime = clinicTime;
		this.settings = settings;
	}

	// --- floor board ----------------------------------------------------------

	@GetMapping("/dosing/board")
	String board(Model model) {
		model.addAttribute("pollSeconds", Math.max(1, this.settings.boardPoll().toSeconds()));
		return "dosing/board";
	}

	@GetMapping("/dosing/board/rows")
	String boardRows(Model model) {
		model.addAttribute("rows", this.board.rows());
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "dosing/board :: rows";
	}

	@GetMapping(path = "/dosing/board/events", produces = "text/event-stream")
	@org.springframework.web.bind.annotation.ResponseBody
	SseEmitter boardEvents() {
		this.board.requireViewer();
		return this.push.subscribe();
	}

	// --- chart tab: sessions and check-in -----------------------------------------

	@GetMapping("/patients/{id}/dosing")
	String patient(@PathVariable UUID id, Model model) {
		List<DosingSession> list = this.reads.forPatient(id);
		PatientSummary patient = this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id));
		List<Appointment> open = this.appointments.forPatient(id)
			.stream()
			.filter((a) -> "DOSING".equals(a.type()) && a.booked())
			.filter((a) -> list.stream().noneMatch((s) -> s.appointmentId().equals(a.id())))
			.toList();
		model.addAttribute("patient", patient);
		model.addAttribute("sessions", list);
		model.addAttribute("appointments", open);
		model.addAttribute("protocols", this.protocols.current());
		Map<String, String> protocolNames = new HashMap<>();
		this.protocols.current().forEach((p) -> protocolNames.put(p.code(), p.name()));
		model.addAttribute("protocolNames", protocolNames);
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "dosing/patient";
	}

	@PostMapping("/patients/{id}/dosing")
	String checkIn(@PathVariable UUID id, @RequestParam String protocol, @RequestParam UUID appointmentId,
			RedirectAttributes redirect) {
		try {
			DosingSession session = this.checkIns.checkIn(new DosingRequests.CheckIn(id, protocol, appointmentId));
			redirect.addFlashAttribute("message", "Checked in.");
			return "redirect:/dosing/sessions/" + session.id();
		}
		catch (InvalidInputException | RuleViolationException | ConflictException ex) {
			Refusal.flash(redirect, ex, id);
			return "redirect:/patients/" + id + "/dosing";
		}
	}

	// --- session page -------------------------------------------------------------

	@GetMapping("/dosing/sessions/{id}")
	String session(@PathVariable UUID id, Model model) {
		SessionDetail detail = this.reads.detail(id);
		Protocol protocol = this.protocols.version(detail.session().protocol(), detail.session().protocolVersion());
		model.addAttribute("detail", detail);
		model.addAttribute("s", detail.session());
		model.addAttribute("protocol", protocol);
		model.addAttribute("patient", this.patients.summary(detail.session().patientId()).orElseThrow());
		model.addAttribute("timeline", detail.timeline());
		boolean givesDrug = this.currentUser.require().has(org.kapclinic.identity.Role.NURSE)
				|| this.currentUser.require().has(org.kapclinic.identity.Role.PRESCRIBER);
		model.addAttribute("lots", givesDrug ? this.ledger.lotsInStock(
				protocol.esketamine() ? org.kapclinic.ledger.Product.ESKETAMINE : org.kapclinic.ledger.Product.KETAMINE)
				: List.of());
		model.addAttribute("zone", this.clinicTime.timeZone());
		model.addAttribute("effects", SideEffect.forPicker());
		model.addAttribute("severities", EventSeverity.all());
		model.addAttribute("observationKinds", ObservationKind.all());
		model.addAttribute("administrationKinds", AdministrationKind.offeredFor(protocol));
		model.addAttribute("concomitantDrugs", DosingSessions.CONCOMITANT_ORDER);
		Map<UUID, String> names = new HashMap<>();
		this.directory.findAll(detail.timelineUsers()).forEach((user, member) -> names.put(user, member.displayName()));
		model.addAttribute("staffNames", names);
		return "dosing/session";
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
			RedirectAttributes redirect) {
		boolean mg = "mg".equals(unit);
		return attempt(id, redirect, "Order placed.",
				() -> this.sessions.order(id,
						new DosingRequests.Order(mg ? null : dose, mg ? dose : null,
								(overrideReason != null && !overrideReason.isBlank())
										? new DosingRequests.Override(overrideReason) : null)));
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
		return attempt(id, redirect, kind + " recorded.",
				() -> this.sessions.administer(id,
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
			Monitoring.EventResult result = this.monitoring.event(id, new DosingRequests.EventEntry(kind, moaas,
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
		return attempt(id, redirect, "Alert acknowledged.", () -> this.monitoring.acknowledge(id, alertId, note));
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
			return attempt(id, redirect, "Ready for discharge.", () -> this.sessions.readyForDischarge(id, request));
		}
		return attempt(id, redirect, "Discharged.", () -> this.sessions.discharge(id, request));
	}

	@PostMapping("/dosing/sessions/{id}/abort")
	String abort(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		return attempt(id, redirect, "Session ended.", () -> this.sessions.abort(id, reason));
	}

	@GetMapping("/dosing/sessions/{id}/rems")
	String rems(@PathVariable UUID id, Model model) {
		RemsSummary summary = this.rems.summary(id);
		model.addAttribute("r", summary);
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "dosing/rems";
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

}
