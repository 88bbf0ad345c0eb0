package org.kapclinic.measures;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.Refusal;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * A patient's outcome measures: open risk flags, the course and trajectory of one
 * instrument, the entry form and a CSV export. The services check access, rules and
 * audit; this only turns form posts into calls and refusals into messages.
 */
@Controller
class MeasuresPageController {

	private static final String DEFAULT_INSTRUMENT = "PHQ-9";

	private static final int HISTORY_LIMIT = 500;

	private static final String SUICIDE_RISK_WARNING = "A suicide-risk flag is open: the patient must be seen by a "
			+ "clinician today. Give crisis resources now (988 Suicide & Crisis Lifeline: call or text 988; "
			+ "emergency: 911).";

	private final MeasurementService measurements;

	private final MeasurementSummaries summaries;

	private final RiskFlags riskFlags;

	private final InstrumentLibrary library;

	private final Patients patients;

	private final JsonMapper json;

	private final ClinicTime clinicTime;

	private final DueMeasures due;

	private final MeasureSchedules schedules;

	private final Clock clock;

	MeasuresPageController(MeasurementService measurements, MeasurementSummaries summaries, RiskFlags riskFlags,
			InstrumentLibrary library, Patients patients, JsonMapper json, ClinicTime clinicTime, DueMeasures due,
			MeasureSchedules schedules, Clock clock) {
		this.due = due;
		this.schedules = schedules;
		this.measurements = measurements;
		this.summaries = summaries;
		this.riskFlags = riskFlags;
		this.library = library;
		this.patients = patients;
		this.json = json;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@GetMapping("/patients/{id}/measures")
	String overview(@PathVariable UUID id, @RequestParam(defaultValue = DEFAULT_INSTRUMENT) String instrument,
			Model model) {
		// The first service call checks access before anything else is read.
		List<RiskFlag> flags = this.riskFlags.open(id);
		Instrument selected = instrument(instrument);
		MeasurementSummary summary = this.summaries.summary(id, selected.code());
		List<Measurement> history = this.measurements.list(id, selected.code(), HISTORY_LIMIT);
		model.addAttribute("flags", flags);
		model.addAttribute("instruments", this.library.all());
		model.addAttribute("instrument", selected);
		model.addAttribute("summary", summary);
		model.addAttribute("outcomes", OutcomeView.lines(selected, summary));
		model.addAttribute("baselineText", OutcomeView.baseline(summary, zone()));
		model.addAttribute("flagTitles", flagTitles(flags, history));
		model.addAttribute("flagAdvice",
				flags.stream()
					.collect(java.util.stream.Collectors.toMap(RiskFlag::code, (f) -> FlagLabels.advice(f.code()),
							(a, b) -> a)));
		model.addAttribute("history", history);
		model.addAttribute("chartable", MeasuresPage.chartable(selected));
		model.addAttribute("points", history.stream().filter((m) -> m.total() != null).count());
		model.addAttribute("trajectory",
				MeasureChart.trajectory(this.json, selected, history, this.due.doses(id), zone()));
		model.addAttribute("due", this.due.forPatient(id));
		model.addAttribute("schedules", this.schedules.list(id));
		model.addAttribute("forms",
				this.library.all().stream().filter((i) -> i.mode() == Instrument.Mode.FORM).toList());
		return withPatient(id, model, "measures/overview");
	}

	@GetMapping("/patients/{id}/measures.csv")
	ResponseEntity<String> csv(@PathVariable UUID id,
			@RequestParam(defaultValue = DEFAULT_INSTRUMENT) String instrument) {
		Instrument selected = instrument(instrument);
		List<Measurement> history = this.measurements.export(id, selected.code(), HISTORY_LIMIT);
		String filename = "measures-" + selected.code() + "-" + LocalDate.now(this.clock.withZone(zone())) + ".csv";
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename).build().toString())
			.body(MeasureChart.csv(history, zone()));
	}

	@GetMapping("/patients/{id}/measures/new")
	String entry(@PathVariable UUID id, @RequestParam(defaultValue = DEFAULT_INSTRUMENT) String instrument,
			Model model) {
		// Open flags are shown on the form as well; reading them checks access first.
		model.addAttribute("flags", this.riskFlags.open(id));
		Instrument selected = instrument(instrument);
		// After a refusal the answers sent come back as a flash attribute.
		Map<String, String> previous = MeasuresPage.previous(model.getAttribute("previous"), selected.code());
		model.addAttribute("previous", previous);
		model.addAttribute("instruments", this.library.all());
		model.addAttribute("instrument", selected);
		model.addAttribute("items", MeasuresPage.items(selected, previous));
		model.addAttribute("riskTier", MeasuresPage.riskTier(selected));
		model.addAttribute("itemEntry", MeasuresPage.itemEntry(selected));
		model.addAttribute("itemEntryHint", MeasuresPage.itemEntryHint(selected));
		model.addAttribute("itemTwelve", MeasuresPage.itemTwelve(selected));
		model.addAttribute("totalEntry", MeasuresPage.chartable(selected));
		model.addAttribute("totalStep", "MEAN".equals(selected.scoring().type()) ? "0.1" : "1");
		model.addAttribute("latestTime", MeasuresPage.localMinutes(this.clock, zone()));
		return withPatient(id, model, "measures/entry");
	}

	@PostMapping("/patients/{id}/measures")
	String record(@PathVariable UUID id, @RequestParam(defaultValue = "") String instrument,
			@RequestParam Map<String, String> params, RedirectAttributes redirect) {
		Instrument known = this.library.find(instrument).orElse(null);
		try {
			MeasurementRequest request = MeasuresPage.request(known, instrument, params, zone());
			Measurement measurement = this.measurements.record(id, request);
			redirect.addFlashAttribute("message", MeasuresPage.recorded(measurement));
			if (measurement.flags().contains(MeasuresPage.SUICIDE_RISK)) {
				redirect.addFlashAttribute("error", SUICIDE_RISK_WARNING);
			}
			return toOverview(id, measurement.instrument());
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex, id);
			redirect.addFlashAttribute("previous", MeasuresPage.retained(params));
			return "redirect:/patients/" + id + "/measures/new" + query((known != null) ? known.code() : null);
		}
	}

	@PostMapping("/patients/{id}/flags/{flagId}/close")
	String closeFlag(@PathVariable UUID id, @PathVariable UUID flagId,
			@RequestParam(required = false) String assessment, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String instrument, RedirectAttributes redirect) {
		UUID patientId = id;
		try {
			MeasuresPage.checkLength("assessment", assessment);
			MeasuresPage.checkLength("plan", plan);
			RiskFlag closed = this.riskFlags.close(flagId, assessment, plan);
			// The flag's own patient (the service checked access to that patient).
			patientId = closed.patientId();
			redirect.addFlashAttribute("message",
					"Closed the " + closed.code() + " flag with the documented safety assessment and plan.");
		}
		catch (InvalidInputException | RuleViolationException ex) {
			Refusal.flash(redirect, ex, id);
		}
		String back = (instrument != null) ? this.library.find(instrument).map(Instrument::code).orElse(null) : null;
		return toOverview(patientId, back);
	}

	/**
	 * A dated review of an open risk flag (assessment and plan): the flag stays open, and
	 * a review today lets today's dose be ordered (issue 13). Refused input comes back
	 * with what was typed and the message next to the field.
	 */
	@PostMapping("/patients/{id}/flags/{flagId}/reviews")
	String reviewFlag(@PathVariable UUID id, @PathVariable UUID flagId,
			@RequestParam(required = false) String assessment, @RequestParam(required = false) String plan,
			@RequestParam(required = false) String instrument, RedirectAttributes redirect) {
		try {
			MeasuresPage.checkLength("assessment", assessment);
			MeasuresPage.checkLength("plan", plan);
			this.riskFlags.review(flagId, assessment, plan);
			redirect.addFlashAttribute("message", "Review recorded: the flag stays open; today's review is on file.");
		}
		catch (InvalidInputException ex) {
			redirect.addFlashAttribute("error", "The review was not recorded: fill in the fields marked below.");
			redirect.addFlashAttribute("reviewFlag", flagId);
			redirect.addFlashAttribute("reviewProblems",
					ex.problems()
						.stream()
						.collect(java.util.stream.Collectors.toMap(InvalidInputException.FieldProblem::field,
								InvalidInputException.FieldProblem::message, (a, b) -> a)));
			redirect.addFlashAttribute("reviewAssessment", assessment);
			redirect.addFlashAttribute("reviewPlan", plan);
		}
		catch (RuleViolationException ex) {
			Refusal.flash(redirect, ex, id);
		}
		String back = (instrument != null) ? this.library.find(instrument).map(Instrument::code).orElse(null) : null;
		return toOverview(id, back);
	}

	private static java.util.Map<String, String> flagTitles(List<RiskFlag> flags, List<Measurement> history) {
		java.util.Map<String, String> titles = new java.util.HashMap<>();
		flags.forEach((f) -> titles.put(f.code(), FlagLabels.title(f.code())));
		history.forEach((m) -> m.flags().forEach((code) -> titles.put(code, FlagLabels.title(code))));
		return titles;
	}

	private Instrument instrument(String code) {
		return this.library.find(code).orElseThrow(() -> new NotFoundException("Instrument", code));
	}

	/** Only after a service call has checked access: the summary itself does not. */
	private String withPatient(UUID id, Model model, String view) {
		model.addAttribute("patient",
				this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id)));
		model.addAttribute("zone", zone().getId());
		return view;
	}

	private ZoneId zone() {
		return this.clinicTime.timeZone();
	}

	private static String toOverview(UUID id, String instrument) {
		return "redirect:/patients/" + id + "/measures" + query(instrument);
	}

	private static String query(String instrument) {
		return (instrument != null) ? "?instrument=" + UriUtils.encodeQueryParam(instrument, StandardCharsets.UTF_8)
				: "";
	}

}
