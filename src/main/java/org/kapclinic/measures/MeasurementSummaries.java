package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.measures.CourseDoses.CourseDose;
import org.kapclinic.measures.MeasurementSummary.BaselineUsed;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.NotFoundException;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An instrument's course in one treatment course: the baseline used (the last complete
 * administration before the first dose, within the baseline window), the latest score,
 * and the judgements the instrument's manual makes of them ({@link OutcomeRules}).
 */
@Service
@Transactional(readOnly = true)
class MeasurementSummaries {

	private final MeasurementService measurements;

	private final CourseDoses courseDoses;

	private final InstrumentLibrary library;

	private final OutcomeRules rules;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final Environment environment;

	MeasurementSummaries(MeasurementService measurements, CourseDoses courseDoses, InstrumentLibrary library,
			OutcomeRules rules, CareTeamAccess access, AuditTrail audit, Environment environment) {
		this.measurements = measurements;
		this.courseDoses = courseDoses;
		this.library = library;
		this.rules = rules;
		this.access = access;
		this.audit = audit;
		this.environment = environment;
	}

	/** Baseline, latest and the judgements on them, for one instrument. */
	@Transactional(readOnly = true)
	public MeasurementSummary summary(UUID patientId, String instrument) {
		return summary(patientId, instrument, null);
	}

	/**
	 * Baseline, latest and the judgements on them, for one instrument in one treatment
	 * course ({@code courseId}; null: the current course, the one with the latest first
	 * dose). Without any recorded course dose, the first complete administration is the
	 * baseline.
	 * @throws NotFoundException when no dose of {@code courseId} is recorded for the
	 * patient
	 */
	@Transactional(readOnly = true)
	public MeasurementSummary summary(UUID patientId, String instrument, UUID courseId) {
		this.access.requireClinical(patientId);
		List<CourseDose> courses = this.courseDoses.of(patientId);
		int index = courses.size() - 1;
		if (courseId != null) {
			index = courses.stream().map(CourseDose::courseId).toList().indexOf(courseId);
			if (index < 0) {
				throw new NotFoundException("Course", courseId);
			}
		}
		List<Measurement> complete = this.measurements.complete(patientId, instrument);
		this.audit.record(AuditEvent.of(AuditAction.READ, MeasurementService.RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("summary " + instrument + ((index >= 0) ? " course " + courses.get(index).courseId() : "")));
		Instrument definition = this.library.find(instrument).orElse(null);
		if (index < 0) {
			return firstCompleteBaseline(instrument, definition, complete);
		}
		Instant nextCourse = (index + 1 < courses.size()) ? courses.get(index + 1).firstDoseAt() : null;
		return courseBaseline(instrument, definition, complete, courses.get(index), nextCourse);
	}

	/** Before any course dose is recorded: the first complete administration. */
	private MeasurementSummary firstCompleteBaseline(String code, Instrument instrument, List<Measurement> complete) {
		if (complete.isEmpty()) {
			return this.rules.summarise(code, instrument, 0,
					new BaselineUsed("FIRST_COMPLETE", null, null, null, null, null), null, null, this::setting);
		}
		Measurement first = complete.get(0);
		Measurement last = complete.get(complete.size() - 1);
		return this.rules.summarise(code, instrument, complete.size(),
				new BaselineUsed("FIRST_COMPLETE", first.total(), first.administeredAt(), null, null, null),
				last.total(), last.administeredAt(), this::setting);
	}

	/**
	 * A course's baseline is the last complete administration on or before its first dose
	 * and no earlier than {@code kap.measures.baseline-window} before it (clinical.md
	 * 4.2: the pre-treatment baseline of that treatment episode). The course's scores run
	 * until the next course's first dose.
	 */
	private MeasurementSummary courseBaseline(String code, Instrument instrument, List<Measurement> complete,
			CourseDose course, Instant nextCourse) {
		Instant firstDose = course.firstDoseAt();
		Instant windowStart = firstDose.minus(this.rules.baselineWindow());
		Measurement baseline = null;
		for (Measurement measurement : complete) {
			Instant at = measurement.administeredAt();
			if (!at.isBefore(windowStart) && !at.isAfter(firstDose)) {
				baseline = measurement;
			}
		}
		Instant from = (baseline != null) ? baseline.administeredAt() : firstDose;
		List<Measurement> inCourse = complete.stream()
			.filter((m) -> !m.administeredAt().isBefore(from)
					&& (nextCourse == null || m.administeredAt().isBefore(nextCourse)))
			.toList();
		Measurement latest = inCourse.isEmpty() ? null : inCourse.get(inCourse.size() - 1);
		BaselineUsed used = new BaselineUsed("LAST_BEFORE_FIRST_DOSE", (baseline != null) ? baseline.total() : null,
				(baseline != null) ? baseline.administeredAt() : null, course.courseId(), firstDose,
				this.rules.baselineWindow().toDays());
		return this.rules.summarise(code, instrument, inCourse.size(), used, (latest != null) ? latest.total() : null,
				(latest != null) ? latest.administeredAt() : null, this::setting);
	}

	/**
	 * A change judged by the instrument's published definitions and this clinic's
	 * settings (the same rules as {@link #summary}); NONE for an unknown instrument.
	 */
	OutcomeJudgement judge(String code, BigDecimal baseline, BigDecimal followUp) {
		Instrument definition = this.library.find(code).orElse(null);
		if (definition == null || baseline == null || followUp == null) {
			return OutcomeJudgement.NONE;
		}
		MeasurementSummary judged = this.rules.summarise(code, definition, 2,
				new BaselineUsed("COURSE", baseline, null, null, null, null), followUp, null, this::setting);
		return new OutcomeJudgement(judged.response(), judged.remission(),
				(judged.meaningfulChange() != null) ? judged.meaningfulChange().met() : null);
	}

	private double setting(String key, Double published) {
		return this.environment.getProperty(key, Double.class, published);
	}

}
