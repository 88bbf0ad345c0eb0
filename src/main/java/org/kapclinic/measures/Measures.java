package org.kapclinic.measures;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules ask of measures (design/modules.md). Dosing calls measures, never
 * the other way round: check-in asks what is {@link #due(UUID)}, planning a session calls
 * {@link #scheduleBeforeDose(UUID, Instant)} and discharge calls
 * {@link #scheduleAfterDose(UUID, Instant)} for the dose-anchored schedule (PHQ-9 + GAD-7
 * before each session and 24 h and 7 days after each dose).
 */
@Service
@Transactional
public class Measures {

	private final DueMeasures due;

	private final MeasurementService measurements;

	private final MeasurementSummaries summaries;

	private final OutcomeRules rules;

	private final InstrumentLibrary library;

	private final RiskFlags riskFlags;

	private final MeasureSchedules schedules;

	private final MeasurementSearch search;

	Measures(DueMeasures due, MeasurementService measurements, MeasurementSummaries summaries, RiskFlags riskFlags,
			OutcomeRules rules, InstrumentLibrary library, MeasureSchedules schedules, MeasurementSearch search) {
		this.search = search;
		this.schedules = schedules;
		this.rules = rules;
		this.library = library;
		this.due = due;
		this.measurements = measurements;
		this.summaries = summaries;
		this.riskFlags = riskFlags;
	}

	/** Every instrument's codes, in the library's order. */
	@Transactional(propagation = Propagation.SUPPORTS)
	public List<InstrumentCoding> codings() {
		return this.library.all()
			.stream()
			.map((i) -> new InstrumentCoding(i.code(), i.name(), i.version(),
					(i.loinc() != null) ? i.loinc().panel() : null, (i.loinc() != null) ? i.loinc().total() : null,
					i.items().stream().map(Instrument.Item::id).toList(), i.licence(),
					i.mode().form() ? i.items().stream().map(Instrument.Item::text).toList() : null))
			.toList();
	}

	/**
	 * The patient's complete scores matching the query, for another system: the signed-in
	 * user must see the patient's clinical records (404 or 403 otherwise); audited as a
	 * read.
	 */
	public List<Measurement> search(MeasurementQuery query) {
		return this.search.search(query);
	}

	/**
	 * Scores answers another system sent (a FHIR QuestionnaireResponse) through the same
	 * path as the chart's form: the signed-in user must be able to record for the
	 * patient; flags and the care team's urgent task follow as for any other
	 * administration.
	 * @param answers one per item, in the instrument's order, null when unanswered
	 */
	public Measurement recordAnswers(UUID patientId, String instrument, List<Integer> answers, Instant administeredAt) {
		return this.measurements.record(patientId,
				new MeasurementRequest(instrument, answers, null, null, null, administeredAt));
	}

	/** One complete score by id, under the same rule (404 when absent or not visible). */
	public Measurement measurement(UUID id) {
		return this.search.find(id);
	}

	/**
	 * Whether an active schedule asks the patient for {@code instrument} (checked and
	 * audited as a read of the schedules).
	 */
	@Transactional(readOnly = true)
	public boolean scheduled(UUID patientId, String instrument) {
		return this.schedules.list(patientId)
			.stream()
			.anyMatch((schedule) -> schedule.active() && schedule.instruments().contains(instrument));
	}

	/**
	 * Asks the patient for {@code instrument} every {@code days} days from now, with
	 * self-report links; the current user needs the schedules' own rights.
	 */
	public void scheduleEvery(UUID patientId, String instrument, int days) {
		this.schedules.create(patientId,
				new ScheduleRequest(List.of(instrument), MeasureSchedules.INTERVAL, days, null, true));
	}

	/** An instrument's name as people read it ("PHQ-9"); the code when unknown. */
	public String instrumentName(String code) {
		return this.library.find(code).map(Instrument::name).orElse(code);
	}

	/** The patient's open occurrences (the caller has checked its own access rule). */
	@Transactional(readOnly = true)
	public List<DueMeasure> due(UUID patientId) {
		return this.due.openFor(patientId);
	}

	/**
	 * Occurrences after a dose given at {@code doseAt}; repeating the call is harmless.
	 */
	public int scheduleAfterDose(UUID patientId, Instant doseAt) {
		return this.due.afterDose(patientId, doseAt);
	}

	/** Occurrences before a dosing session planned at {@code sessionAt}. */
	public int scheduleBeforeDose(UUID patientId, Instant sessionAt) {
		return this.due.beforeDose(patientId, sessionAt);
	}

	/**
	 * Baseline, latest, response, remission for the current course (access-checked and
	 * audited).
	 */
	@Transactional(readOnly = true)
	public MeasurementSummary summary(UUID patientId, String instrument) {
		return this.summaries.summary(patientId, instrument);
	}

	/**
	 * Dosing calls this on every drug-giving administration: the earliest dose of each
	 * course anchors that course's outcome baseline (clinical.md 4.2). Idempotent;
	 * reporting a course's doses late or twice keeps the earliest. A dose outside any
	 * course ({@code courseId} null) is ignored here: such doses set no course baseline,
	 * and the patient's summary keeps the first-complete baseline until a course dose is
	 * recorded.
	 */
	public void doseGiven(UUID patientId, UUID courseId, Instant at) {
		this.measurements.doseGiven(patientId, courseId, at);
	}

	/**
	 * For the dose gate: true when the patient has an open suicide-risk flag and no
	 * clinician has recorded a review of it on the current clinic day (clinic time zone,
	 * {@code kap.clinic.time-zone}) after its latest risk answer. Closing the flag with
	 * an assessment and plan ({@code POST /api/v1/flags/{id}/close}) or recording a dated
	 * review ({@code POST /api/v1/flags/{id}/reviews}) makes it false (clinical.md 4.1:
	 * same-day assessment). The caller has checked its own access rule.
	 */
	@Transactional(readOnly = true)
	public boolean suicideRiskUnreviewedToday(UUID patientId) {
		return this.riskFlags.unreviewedToday(patientId);
	}

	/**
	 * Every complete administration of the patient, oldest first. Not audited and no
	 * access check: for aggregate reports, which check their own role and audit the
	 * report.
	 */
	@Transactional(readOnly = true)
	public List<CompleteScore> completeScores(UUID patientId) {
		return this.measurements.completeScores(patientId);
	}

	/** {@link #completeScores(UUID)} for many patients at once (research export). */
	@Transactional(readOnly = true)
	public List<CompleteScore> completeScores(java.util.Collection<UUID> patientIds) {
		return this.measurements.completeScores(patientIds);
	}

	/**
	 * How many patients had a risk flag of this code (e.g. {@code bladder-symptoms})
	 * raised since {@code since}. No access check, no audit: for aggregate reports.
	 */
	@Transactional(readOnly = true)
	public int patientsFlagged(String flagCode, Instant since) {
		return this.riskFlags.patientsRaised(flagCode, since);
	}

	/** A baseline-to-follow-up change judged by the instrument's own definitions. */
	public OutcomeJudgement judge(String instrument, java.math.BigDecimal baseline, java.math.BigDecimal followUp) {
		return this.summaries.judge(instrument, baseline, followUp);
	}

	/**
	 * How long before a course's first dose a score still counts as its baseline
	 * ({@code kap.measures.baseline-window}), and the version of the outcome rules: a
	 * change of either makes stored outcomes stale.
	 */
	public OutcomeRulesInUse outcomeRules() {
		// The settings' hash: a changed cutoff or reliable-change amount makes stored
		// judgements stale just as a new rule version does.
		return new OutcomeRulesInUse(this.rules.baselineWindow(),
				OutcomeRules.VERSION + "/" + Integer.toHexString(this.rules.hashCode()));
	}

	/**
	 * The instrument's severity band codes, least severe first (empty for an unknown
	 * instrument or one without bands).
	 */
	public List<String> severityBands(String instrument) {
		return this.library.find(instrument)
			.map((definition) -> (definition.scoring() != null && definition.scoring().bands() != null)
					? definition.scoring().bands().stream().map(Instrument.Band::code).toList() : List.<String>of())
			.orElse(List.of());
	}

	/** The codes of the instruments in the library. */
	public List<String> instrumentCodes() {
		return this.library.all().stream().map(Instrument::code).toList();
	}

	/** Each instrument's code and full name, in the library's order. */
	public java.util.Map<String, String> instrumentNames() {
		java.util.Map<String, String> names = new java.util.LinkedHashMap<>();
		this.library.all().forEach((instrument) -> names.put(instrument.code(), instrument.name()));
		return names;
	}

	public record OutcomeRulesInUse(java.time.Duration baselineWindow, String version) {
	}

}
