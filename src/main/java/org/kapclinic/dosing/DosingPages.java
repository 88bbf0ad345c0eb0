package org.kapclinic.dosing;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.UserDirectory;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.ClinicResources;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.Refusal;
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
 * the session page, the REMS summary and the chart's Dosing tab with check-in. The
 * session page's forms post to {@link SessionStepPages}.
 */
@Controller
class DosingPages {

	private final FloorBoard board;

	private final BoardPush push;

	private final CheckIns checkIns;

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

	private final Exposures exposures;

	DosingPages(FloorBoard board, BoardPush push, CheckIns checkIns, SessionReads reads, Protocols protocols,
			Patients patients, Appointments appointments, ClinicResources resources, UserDirectory directory,
			ClinicTime clinicTime, DosingSettings settings, RemsSummaries rems, org.kapclinic.ledger.Ledger ledger,
			org.kapclinic.identity.CurrentUser currentUser, Exposures exposures) {
		this.exposures = exposures;
		this.rems = rems;
		this.ledger = ledger;
		this.currentUser = currentUser;
		this.board = board;
		this.push = push;
		this.checkIns = checkIns;
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
			.filter((a) -> a.type() == AppointmentType.DOSING && a.booked())
			.filter((a) -> list.stream().noneMatch((s) -> s.appointmentId().equals(a.id())))
			.toList();
		model.addAttribute("patient", patient);
		model.addAttribute("sessions", list);
		model.addAttribute("exposure", this.exposures.unchecked(id));
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
		model.addAttribute("exposure", this.exposures.withProposedDose(detail.session(), protocol));
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
		model.addAttribute("concomitantDrugs", ConcomitantDrugs.IN_FORM_ORDER);
		Map<UUID, String> names = new HashMap<>();
		this.directory.findAll(detail.timelineUsers()).forEach((user, member) -> names.put(user, member.displayName()));
		model.addAttribute("staffNames", names);
		return "dosing/session";
	}

	@GetMapping("/dosing/sessions/{id}/rems")
	String rems(@PathVariable UUID id, Model model) {
		RemsSummary summary = this.rems.summary(id);
		model.addAttribute("r", summary);
		model.addAttribute("zone", this.clinicTime.timeZone());
		return "dosing/rems";
	}

}
