package org.kapclinic.notes;

import java.time.LocalDate;
import java.util.Optional;

import jakarta.servlet.http.HttpSession;

import org.kapclinic.patient.LinkPageGate;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's journal page (no account, phone-friendly): confirm the date of birth,
 * write an intention or reflection with every pause saved (htmx), send once. The
 * confirmation lives in the HTTP session only, so the link alone opens nothing.
 */
@Controller
class JournalPages {

	private static final LinkPageGate GATE = new LinkPageGate("kap.journal.verified", "Your journal", "/journal",
			"/write");

	private final Journal journal;

	JournalPages(Journal journal) {
		this.journal = journal;
	}

	@GetMapping("/journal/{token}")
	Object start(@PathVariable String token, HttpSession session, Model model) {
		return GATE.start(this.journal.open(token), token, session, model);
	}

	@PostMapping("/journal/{token}")
	Object confirm(@PathVariable String token,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate birthDate,
			HttpSession session, Model model) {
		return GATE.confirm(this.journal.open(token), token, birthDate, this.journal::confirm, session, model);
	}

	@GetMapping("/journal/{token}/write")
	Object write(@PathVariable String token, HttpSession session, Model model) {
		Optional<OpenLink> link = this.journal.open(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		model.addAttribute("patient", this.journal.patient(link.get()));
		model.addAttribute("entry", this.journal.current(link.get()));
		model.addAttribute("token", token);
		return "notes/journal-form";
	}

	@PostMapping("/journal/{token}/draft")
	ResponseEntity<String> draft(@PathVariable String token, @RequestParam(defaultValue = "") String text,
			HttpSession session) {
		Optional<OpenLink> link = this.journal.open(token);
		if (link.isEmpty() || !GATE.verified(session, link.get())) {
			return ResponseEntity.status(HttpStatus.GONE).body("This link no longer works.");
		}
		try {
			this.journal.saveDraft(link.get(), text);
		}
		catch (InvalidInputException ex) {
			return ResponseEntity.badRequest().body("Not saved: " + ex.getMessage());
		}
		return ResponseEntity.ok("Saved");
	}

	@PostMapping("/journal/{token}/write")
	Object submit(@PathVariable String token, @RequestParam(defaultValue = "") String text, HttpSession session,
			Model model) {
		Optional<OpenLink> link = this.journal.open(token);
		if (link.isEmpty()) {
			return LinkPageGate.closed();
		}
		if (!GATE.verified(session, link.get())) {
			return GATE.toStart(token);
		}
		try {
			this.journal.submit(link.get(), text);
		}
		catch (InvalidInputException ex) {
			model.addAttribute("patient", this.journal.patient(link.get()));
			model.addAttribute("entry", this.journal.current(link.get()));
			model.addAttribute("token", token);
			model.addAttribute("error", ex.problems().get(0).message());
			return "notes/journal-form";
		}
		GATE.forget(session);
		return "notes/journal-done";
	}

}
