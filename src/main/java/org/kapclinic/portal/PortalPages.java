package org.kapclinic.portal;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.AppointmentType;
import org.kapclinic.scheduling.OwnAppointments;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.CrisisResources;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The patient's pages (issue 21): the sign-in page and home (the next appointment with
 * what to bring, what is due, the way to the crisis line). Every read is of the signed-in
 * patient's own record, taken from their session, never from the address.
 */
@Controller
class PortalPages {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm");

	private final Patients patients;

	private final OwnAppointments appointments;

	private final Measures measures;

	private final CrisisResources crisis;

	private final ClinicTime clinicTime;

	private final AuditTrail audit;

	private final Clock clock;

	private final PortalSettings settings;

	private final PortalMessages messages;

	private final AfterVisits afterVisits;

	private final org.kapclinic.intake.PortalConsents consents;

	private final org.kapclinic.notes.Intentions intentions;

	PortalPages(Patients patients, OwnAppointments appointments, Measures measures, CrisisResources crisis,
			ClinicTime clinicTime, AuditTrail audit, Clock clock, PortalSettings settings, PortalMessages messages,
			AfterVisits afterVisits, org.kapclinic.intake.PortalConsents consents,
			org.kapclinic.notes.Intentions intentions) {
		this.consents = consents;
		this.intentions = intentions;
		this.afterVisits = afterVisits;
		this.messages = messages;
		this.settings = settings;
		this.patients = patients;
		this.appointments = appointments;
		this.measures = measures;
		this.crisis = crisis;
		this.clinicTime = clinicTime;
		this.audit = audit;
		this.clock = clock;
	}

	@GetMapping("/portal/login")
	String login() {
		return "portal/login";
	}

	@GetMapping("/portal/after-visit")
	String afterVisit(@AuthenticationPrincipal PortalPrincipal patient, Model model) {
		model.addAttribute("visits", this.afterVisits.of(patient.patientId()));
		model.addAttribute("crisis", this.crisis);
		return "portal/after-visit";
	}

	/**
	 * The next dosing session's date when an intention for it is due: none sent yet, or
	 * none since the last session ended (preparation asks for one before each dose).
	 */
	private String intentionFor(PortalPrincipal patient, List<Upcoming> upcoming, List<AfterVisits.AfterVisit> visits) {
		java.util.Optional<Upcoming> dosing = upcoming.stream().filter(Upcoming::dosing).findFirst();
		if (!patient.seesPrivate() || dosing.isEmpty()) {
			return null;
		}
		java.util.Optional<Instant> last = this.intentions.last(patient.patientId());
		boolean due = last.isEmpty() || (!visits.isEmpty() && last.get().isBefore(visits.get(0).dischargedAt()));
		return due ? dosing.get().when() : null;
	}

	/** An appointment as the patient reads it. */
	record Upcoming(String what, String when, boolean dosing) {
	}

	@GetMapping("/portal")
	String home(@AuthenticationPrincipal PortalPrincipal patient, Model model) {
		Instant now = Instant.now(this.clock);
		List<Upcoming> upcoming = this.appointments.upcoming(patient.patientId(), now)
			.stream()
			.limit(5)
			.map(this::upcoming)
			.toList();
		// A guardian's proxy is not asked for the patient's self-reports (unless the
		// clinic's policy lets them see them).
		List<String> due = !patient.seesPrivate() ? List.of()
				: this.measures.due(patient.patientId())
					.stream()
					.filter((d) -> !d.dueAt().isAfter(now))
					.map((d) -> this.measures.instrumentName(d.instrument()))
					.distinct()
					.toList();
		this.audit.record(AuditEvent.of(AuditAction.READ, "PortalHome", patient.patientId())
			.patient(patient.patientId())
			.category(DataCategory.ADMINISTRATION)
			.detail("portal home: " + upcoming.size() + " appointments, " + due.size() + " due"));
		String patientName = this.patients.summary(patient.patientId()).map((p) -> p.displayName()).orElse("");
		model.addAttribute("name", patient.proxy() ? patient.guardianName() : patientName);
		model.addAttribute("patientName", patientName);
		model.addAttribute("proxy", patient.proxy());
		model.addAttribute("seesPrivate", patient.seesPrivate());
		model.addAttribute("unread", this.messages.unread(patient));
		List<AfterVisits.AfterVisit> visits = this.afterVisits.of(patient.patientId());
		model.addAttribute("afterVisit",
				visits.stream()
					.filter((a) -> a.dischargedAt().isAfter(now.minus(AfterVisits.ON_HOME)))
					.findFirst()
					.orElse(null));
		model.addAttribute("consentsWaiting", this.consents.waiting(patient.patientId(), patient.proxy()).size());
		model.addAttribute("intentionFor", intentionFor(patient, upcoming, visits));
		model.addAttribute("upcoming", upcoming);
		model.addAttribute("due", due);
		model.addAttribute("crisis", this.crisis);
		model.addAttribute("dayOfDosing", this.settings.dayOfDosing());
		return "portal/home";
	}

	private Upcoming upcoming(Appointment a) {
		return new Upcoming(a.typeLabel(), WHEN.format(a.start().atZone(this.clinicTime.timeZone())),
				a.type() == AppointmentType.DOSING);
	}

}
