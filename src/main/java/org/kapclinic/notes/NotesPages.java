package org.kapclinic.notes;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.intake.ReleasesOfInformation;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Appointment;
import org.kapclinic.scheduling.Appointments;
import org.kapclinic.scheduling.Courses;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.VersionConflictException;
import org.kapclinic.shared.Refusal;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.HtmlUtils;

/**
 * The chart's Notes tab (search, new note, journal, disclosures) and the note page: an
 * editor that autosaves the draft (htmx, with the version and this tab's editor session)
 * for its author, otherwise the signed note with its addenda. All text is rendered with
 * {@code th:text} (escaped).
 */
@Controller
class NotesPages {

	/**
	 * Template fields arrive as {@code f.<key>} so nothing else can be posted into a
	 * body.
	 */
	static final String FIELD = "f.";

	private final Notes notes;

	private final NoteTemplates templates;

	private final Journal journal;

	private final Disclosures disclosures;

	private final OutsideProviders providers;

	private final Patients patients;

	private final CurrentUser currentUser;

	private final ClinicTime clinicTime;

	private final java.time.Clock clock;

	private final Courses courses;

	private final Appointments appointments;

	NotesPages(Notes notes, NoteTemplates templates, Journal journal, Disclosures disclosures,
			OutsideProviders providers, Patients patients, CurrentUser currentUser, ClinicTime clinicTime,
			java.time.Clock clock, Courses courses, Appointments appointments) {
		this.notes = notes;
		this.templates = templates;
		this.journal = journal;
		this.disclosures = disclosures;
		this.providers = providers;
		this.patients = patients;
		this.currentUser = currentUser;
		this.clinicTime = clinicTime;
		this.clock = clock;
		this.courses = courses;
		this.appointments = appointments;
	}

	@GetMapping("/patients/{id}/notes")
	String chart(@PathVariable UUID id, @RequestParam(required = false) NoteType type,
			@RequestParam(required = false) String q,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to, Model model) {
		String text = (q != null && q.length() > 200) ? q.substring(0, 200) : q;
		List<Note> found = this.notes.search(id, new NoteQuery(type, text, from, to, null, 500));
		model.addAttribute("patient",
				this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id)));
		model.addAttribute("notes", found);
		model.addAttribute("types", NoteType.values());
		model.addAttribute("q", text);
		model.addAttribute("type", type);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("today", this.clinicTime.today(this.clock));
		model.addAttribute("journal", this.journal.entries(id, 10));
		model.addAttribute("disclosures", this.disclosures.accounting(id));
		model.addAttribute("providers", this.providers.list());
		model.addAttribute("contentCodes", ReleasesOfInformation.CONTENT);
		model.addAttribute("courses", this.courses.list(id));
		model.addAttribute("timeline", timeline(found, this.appointments.forPatient(id)));
		return "notes/chart";
	}

	@PostMapping("/patients/{id}/notes")
	String create(@PathVariable UUID id, @RequestParam NoteType type,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate noteDate,
			@RequestParam(defaultValue = "false") boolean privateProcessNote, RedirectAttributes redirect) {
		Note note = this.notes.create(id, new NewNote(type, Map.of(), noteDate, privateProcessNote, null));
		return "redirect:/notes/" + note.id();
	}

	@GetMapping("/notes/{id}")
	String note(@PathVariable UUID id, Model model) {
		Note note = this.notes.find(id);
		StaffMember user = this.currentUser.require();
		model.addAttribute("note", note);
		model.addAttribute("template", this.templates.version(note.type(), note.templateVersion()));
		model.addAttribute("editable", note.draft() && !note.voided() && user.id().equals(note.authorId()));
		model.addAttribute("canCosign", note.awaitingCosignature() && user.id().equals(note.cosignerId()));
		model.addAttribute("editorSession", UUID.randomUUID().toString());
		if (note.patientId() != null) {
			model.addAttribute("patient", this.patients.summary(note.patientId()).orElseThrow());
			boolean besideJournal = note.type() == NoteType.PREPARATION || note.type() == NoteType.INTEGRATION;
			model.addAttribute("journal", besideJournal ? this.journal.entries(note.patientId(), 5) : List.of());
		}
		return "notes/note";
	}

	/** Autosave: answers a short status line and the new version (out of band). */
	@PostMapping("/notes/{id}/draft")
	ResponseEntity<String> draft(@PathVariable UUID id, @RequestParam Map<String, String> params) {
		Map<String, String> body = fields(params);
		Integer version = parse(params.get("version"));
		try {
			Note saved = this.notes.update(id, body, null, version, params.get("editorSession"));
			return ResponseEntity.ok("Saved " + java.time.LocalTime.now(this.clinicTime.timeZone()).withNano(0)
					+ "<input type=\"hidden\" name=\"version\" id=\"note-version\" value=\"" + saved.version()
					+ "\" hx-swap-oob=\"true\">");
		}
		catch (VersionConflictException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body("Not saved: this draft was changed in another window (version " + ex.currentVersion()
						+ "). Copy your text, then reload.");
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.badRequest().body("Not saved: " + HtmlUtils.htmlEscape(ex.getMessage()));
		}
		catch (ConflictException ex) {
			return ResponseEntity.status(HttpStatus.CONFLICT)
				.body("Not saved: " + HtmlUtils.htmlEscape(ex.getMessage()));
		}
	}

	/**
	 * Signs what the editor shows: the posted fields are saved first (so text typed after
	 * the last autosave is not lost), then the note is signed.
	 */
	@PostMapping("/notes/{id}/sign")
	String sign(@PathVariable UUID id, @RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Map<String, String> body = fields(params);
		try {
			if (!body.isEmpty()) {
				this.notes.update(id, body, null, parse(params.get("version")), params.get("editorSession"));
			}
			this.notes.sign(id);
			redirect.addFlashAttribute("message", "Signed.");
		}
		catch (VersionConflictException ex) {
			redirect.addFlashAttribute("error",
					"Not signed: this draft was changed in another window. Check it and sign again.");
		}
		catch (InvalidInputException | ConflictException ex) {
			Refusal.flash(redirect, ex);
		}
		return "redirect:/notes/" + id;
	}

	private static Map<String, String> fields(Map<String, String> params) {
		Map<String, String> body = new LinkedHashMap<>();
		params.forEach((key, value) -> {
			if (key.startsWith(FIELD)) {
				body.put(key.substring(FIELD.length()), value);
			}
		});
		return body;
	}

	@PostMapping("/notes/{id}/cosign")
	String cosign(@PathVariable UUID id, RedirectAttributes redirect) {
		this.notes.cosign(id);
		redirect.addFlashAttribute("message", "Co-signed.");
		return "redirect:/notes/" + id;
	}

	@PostMapping("/notes/{id}/addenda")
	String addendum(@PathVariable UUID id, @RequestParam(defaultValue = "") String body, RedirectAttributes redirect) {
		this.notes.addAddendum(id, body);
		redirect.addFlashAttribute("message", "Addendum signed.");
		return "redirect:/notes/" + id;
	}

	@PostMapping("/notes/{id}/void")
	String voidNote(@PathVariable UUID id, @RequestParam(defaultValue = "") String reason,
			RedirectAttributes redirect) {
		Note note = this.notes.voidNote(id, reason);
		redirect.addFlashAttribute("message", "Voided.");
		return (note.patientId() != null) ? "redirect:/patients/" + note.patientId() + "/notes"
				: "redirect:/notes/" + id;
	}

	@PostMapping("/patients/{id}/journal-links")
	String journalLink(@PathVariable UUID id, @RequestParam String kind, RedirectAttributes redirect) {
		Journal.Issued link = this.journal.issue(id, kind);
		redirect.addFlashAttribute("journalLink", link);
		return "redirect:/patients/" + id + "/notes";
	}

	@PostMapping("/patients/{id}/disclosures")
	String disclose(@PathVariable UUID id, @RequestParam(required = false) UUID providerId,
			@RequestParam(required = false) List<String> content, @RequestParam(required = false) String themes,
			RedirectAttributes redirect) {
		this.disclosures.disclose(id, providerId, content, themes);
		redirect.addFlashAttribute("message", "Disclosed; the PDF is in the accounting below.");
		return "redirect:/patients/" + id + "/notes#disclosures";
	}

	@GetMapping("/disclosures/{id}/pdf")
	ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
		return ResponseEntity.ok()
			.contentType(org.springframework.http.MediaType.APPLICATION_PDF)
			.header("Cache-Control", "no-store")
			.header("Content-Disposition", "attachment; filename=\"disclosure-" + id + ".pdf\"")
			.body(this.disclosures.pdf(id));
	}

	@PostMapping("/outside-providers")
	String addProvider(@RequestParam UUID patientId, @RequestParam(defaultValue = "") String name,
			@RequestParam(required = false) String credentials, @RequestParam(required = false) String practice,
			@RequestParam(defaultValue = "") String secureContact, RedirectAttributes redirect) {
		this.providers.add(name, credentials, practice, secureContact);
		redirect.addFlashAttribute("message", "Outside provider added.");
		return "redirect:/patients/" + patientId + "/notes#disclosures";
	}

	/** Notes and the course's sessions in one list by date, newest first. */
	private List<TimelineRow> timeline(List<Note> found, List<Appointment> sessions) {
		List<TimelineRow> rows = new java.util.ArrayList<>();
		found.forEach((n) -> rows.add(
				new TimelineRow(n.noteDate(), "note", n.type().label() + " · " + n.statusLabel(), "/notes/" + n.id())));
		sessions.stream()
			.filter((a) -> !a.withdrawn())
			.forEach((a) -> rows.add(new TimelineRow(a.start().atZone(this.clinicTime.timeZone()).toLocalDate(),
					"session", a.typeLabel() + " · " + a.statusLabel(), null)));
		rows.sort(java.util.Comparator.comparing(TimelineRow::date).reversed());
		return rows;
	}

	/** One line of the course timeline: a note (with its link) or a session. */
	record TimelineRow(LocalDate date, String kind, String label, String href) {
	}

	private static Integer parse(String value) {
		try {
			return (value == null) ? null : Integer.valueOf(value.trim());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
