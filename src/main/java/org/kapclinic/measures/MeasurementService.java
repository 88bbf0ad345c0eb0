package org.kapclinic.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.measures.Instrument.Flag;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.patient.SexAtBirth;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records and reads scored administrations. A suicide-risk answer opens a risk flag in
 * the same transaction (clinical.md 4.1: PHQ-9 item 9 >= 1 needs same-day clinician
 * review).
 */
@Service
@Transactional
class MeasurementService {

	static final String RESOURCE = "Measurement";

	/** Answers may be timed slightly ahead of the server clock (device clocks drift). */
	private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final InstrumentLibrary library;

	private final CareTeamAccess access;

	private final Patients patients;

	private final RiskFlags riskFlags;

	private final AuditTrail audit;

	private final Environment environment;

	private final OutcomeRules rules;

	private final DueMeasures due;

	private final Clock clock;

	private final CourseDoses courseDoses;

	private final org.springframework.context.ApplicationEventPublisher events;

	MeasurementService(JdbcClient jdbc, JsonMapper json, InstrumentLibrary library, CareTeamAccess access,
			Patients patients, RiskFlags riskFlags, AuditTrail audit, Environment environment, OutcomeRules rules,
			DueMeasures due, Clock clock, CourseDoses courseDoses,
			org.springframework.context.ApplicationEventPublisher events) {
		this.courseDoses = courseDoses;
		this.events = events;
		this.due = due;
		this.jdbc = jdbc;
		this.json = json;
		this.library = library;
		this.access = access;
		this.patients = patients;
		this.riskFlags = riskFlags;
		this.audit = audit;
		this.environment = environment;
		this.rules = rules;
		this.clock = clock;
	}

	/** Staff record an administration (in clinic, or a score-entry instrument). */
	public Measurement record(UUID patientId, MeasurementRequest request) {
		StaffMember user = this.access.requireClinical(patientId);
		return store(patientId, request, user.id(), null);
	}

	/**
	 * The patient submits answers through their self-report link (no account; the link's
	 * date-of-birth check has passed). Audited as the patient; forms only.
	 */
	Measurement recordFromPatient(UUID patientId, MeasurementRequest request) {
		return store(patientId, request, null, PatientLinks.PATIENT_ACTOR);
	}

	private Measurement store(UUID patientId, MeasurementRequest request, UUID recordedBy, String actor) {
		PatientSummary patient = this.patients.summary(patientId)
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		Instrument instrument = this.library.find(request.instrument())
			.orElseThrow(() -> InvalidInputException.of("instrument",
					"unknown instrument '" + request.instrument() + "'; see GET /api/v1/instruments"));
		if (actor != null && instrument.mode() != Instrument.Mode.FORM) {
			throw InvalidInputException.of("instrument", instrument.code() + " is entered by a clinician");
		}
		Instant now = Instant.now(this.clock);
		Instant administeredAt = (request.administeredAt() != null) ? request.administeredAt() : now;
		if (administeredAt.isAfter(now.plus(CLOCK_SKEW))) {
			throw InvalidInputException.of("administeredAt", "must not be in the future");
		}
		// A score-entry instrument that lists its items (MDQ parts, QIDS-SR16 items) is
		// scored from its answers when they are all sent; otherwise only the total
		// counts.
		List<Integer> answers = (instrument.mode() == Instrument.Mode.FORM) ? request.answers()
				: (instrument.items().isEmpty()) ? null : (request.answers() != null) ? request.answers()
						: Scorer.answersFrom(instrument, request.itemScores());
		Boolean female = female(patient.sexAtBirth());
		Score score = (instrument.mode() == Instrument.Mode.FORM)
				? Scorer.score(instrument, answers, this::threshold, female)
				: (answers != null)
						? Scorer.enteredAnswers(instrument, answers, request.total(), this::threshold, female)
						: Scorer.entered(instrument, request.total(), request.risk(), request.itemScores());
		Measurement measurement = new Measurement(UUID.randomUUID(), patientId, instrument.code(), instrument.version(),
				answers, score.total(), score.severity(), score.subscales(), score.flags(), score.complete(),
				administeredAt, now, recordedBy);
		this.jdbc
			.sql("""
					insert into measures.measurement (id, patient_id, instrument, instrument_version, answers, total, severity,
					    subscales, flags, complete, administered_at, recorded_at, recorded_by)
					values (?, ?, ?, ?, ?::jsonb, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)""")
			.params(measurement.id(), patientId, instrument.code(), instrument.version(),
					(measurement.answers() != null) ? this.json.writeValueAsString(measurement.answers()) : null,
					score.total(), score.severity(), this.json.writeValueAsString(score.subscales()),
					score.flags().toArray(String[]::new), score.complete(), Timestamp.from(administeredAt),
					Timestamp.from(now), recordedBy)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, measurement.id())
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.actor(actor)
			.detail(instrument.code() + " total=" + score.total() + " flags=" + score.flags()));
		this.due.complete(patientId, instrument.code(), measurement.id(), administeredAt);
		raiseFlags(patientId, instrument.code(), score, measurement.id(), now);
		if (score.complete()) {
			this.events.publishEvent(new ScoreRecorded(patientId, instrument.code(), administeredAt));
		}
		return measurement;
	}

	/**
	 * Risk flags an answer raises; they stay on the patient until a clinician closes
	 * them.
	 */
	private void raiseFlags(UUID patientId, String instrument, Score score, UUID measurementId, Instant now) {
		if (score.flags().contains("suicide-risk")) {
			this.riskFlags.raise(patientId, "suicide-risk", measurementId,
					instrument + " answer indicates suicide risk", now);
		}
		// A positive bipolarity screen stays on the patient until a clinician documents
		// an assessment: ketamine for "depression" needs bipolarity screened (clinical.md
		// 4.1).
		if (score.flags().contains("mdq-positive")) {
			this.riskFlags.raise(patientId, "mdq-positive", measurementId,
					"MDQ positive screen for bipolar disorder (Hirschfeld 2000)", now);
		}
		// Bladder symptoms with repeated ketamine (ulcerative cystitis: the ketamine
		// labels' warnings; issue 19) stay on the chart until a clinician reviews them.
		if (score.flags().contains("bladder-symptoms")) {
			this.riskFlags.raise(patientId, "bladder-symptoms", measurementId,
					"Bladder symptoms reported on the screening checklist", now);
		}
	}

	/** The patient's administrations, newest first, optionally of one instrument. */
	@Transactional(readOnly = true)
	public List<Measurement> list(UUID patientId, String instrument, int limit) {
		this.access.requireClinical(patientId);
		// Two statements rather than "? is null or instrument = ?", which a generic plan
		// cannot
		// answer from the (patient, instrument, time) index.
		List<Measurement> measurements = ((instrument == null) ? this.jdbc.sql("""
				select * from measures.measurement where patient_id = ?
				order by administered_at desc limit ?""").params(patientId, limit) : this.jdbc.sql("""
				select * from measures.measurement where patient_id = ? and instrument = ?
				order by administered_at desc limit ?""").params(patientId, instrument, limit))
			.query((rs, n) -> MeasurementRows.map(rs))
			.list();
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("instrument=" + instrument + " results=" + measurements.size()));
		return measurements;
	}

	/**
	 * The same scores for a download (CSV): audited as an export, not a read (issue 16
	 * finding 5), since the data leaves the application.
	 */
	public List<Measurement> export(UUID patientId, String instrument, int limit) {
		List<Measurement> measurements = list(patientId, instrument, limit);
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("CSV download: instrument=" + instrument + " results=" + measurements.size()));
		return measurements;
	}

	/**
	 * The patient's complete administrations of an instrument, oldest first (no audit).
	 */
	List<Measurement> complete(UUID patientId, String instrument) {
		return this.jdbc.sql("""
				select * from measures.measurement where patient_id = ? and instrument = ? and complete
				order by administered_at""")
			.params(patientId, instrument)
			.query((rs, n) -> MeasurementRows.map(rs))
			.list();
	}

	/**
	 * Every complete administration of the patient, oldest first (no audit: the caller
	 * reads for an aggregate report and audits that).
	 */
	List<CompleteScore> completeScores(UUID patientId) {
		return completeScores(List.of(patientId));
	}

	/** The same for many patients at once, by patient, then oldest first. */
	List<CompleteScore> completeScores(java.util.Collection<UUID> patientIds) {
		return this.jdbc.sql("""
				select patient_id, instrument, administered_at, total, severity from measures.measurement
				where patient_id = any(?) and complete order by patient_id, administered_at, id""")
			.param(patientIds.toArray(UUID[]::new))
			.query((rs, n) -> new CompleteScore(rs.getObject("patient_id", UUID.class), rs.getString("instrument"),
					rs.getTimestamp("administered_at").toInstant(), rs.getBigDecimal("total"),
					rs.getString("severity")))
			.list();
	}

	/** Records a course's drug-giving administration (see {@link Measures#doseGiven}). */
	void doseGiven(UUID patientId, UUID courseId, Instant at) {
		if (courseId != null) {
			this.courseDoses.record(patientId, courseId, at);
		}
	}

	/**
	 * A flag's threshold: its configured override ({@code configKey}) or the published
	 * value.
	 */
	private double threshold(Flag flag) {
		if (flag.configKey() == null) {
			return flag.atLeast();
		}
		return this.environment.getProperty(flag.configKey(), Double.class, flag.atLeast());
	}

	private static Boolean female(SexAtBirth sex) {
		return (sex == SexAtBirth.FEMALE) ? Boolean.TRUE : (sex == SexAtBirth.MALE) ? Boolean.FALSE : null;
	}

}
