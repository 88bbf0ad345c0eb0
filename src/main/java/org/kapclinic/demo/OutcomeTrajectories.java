package org.kapclinic.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.kapclinic.measures.MeasurementImport.ImportedAnswers;

/**
 * Synthetic finished treatment courses for the demo clinic, so the outcomes report (issue
 * 18) has something to show: per program a mixture of responders, partial responders and
 * non-responders, drop-outs after the course and after three months, some relapse, and
 * the occasional held session or blood-pressure alert. The proportions are invented for a
 * demonstration and are not clinical figures: they only make the report's tables and
 * charts non-trivial.
 *
 * <p>
 * Time layout: every course runs in a lane (a chair and a start time of day) that no
 * other course uses in the same 35 days, so the demo's bookings never overlap.
 */
final class OutcomeTrajectories {

	/**
	 * Days one course holds its lane: the longest (esketamine, 8 sessions) ends by day
	 * 25.
	 */
	static final int LANE_DAYS = 35;

	/** Start times (UTC) of the four lanes of a chair; a session takes 150 minutes. */
	private static final int[] LANE_MINUTES = { 7 * 60, 9 * 60 + 45, 12 * 60 + 30, 15 * 60 + 15 };

	static final int LANES_PER_CHAIR = LANE_MINUTES.length;

	private final Random random;

	private final Instant now;

	OutcomeTrajectories(long seed, Instant now) {
		this.random = new Random(seed);
		this.now = now;
	}

	/**
	 * The course of the {@code turn}th patient in lane {@code lane}, or null when that
	 * turn would not be over by now.
	 */
	PastCourse plan(UUID patient, int lane, int turn) {
		Instant day = this.now.truncatedTo(ChronoUnit.DAYS)
			.minus(Duration.ofDays(560))
			.plus(Duration.ofDays((long) turn * LANE_DAYS + lane % 7));
		Instant laneStart = day.plus(Duration.ofMinutes(LANE_MINUTES[lane % LANES_PER_CHAIR]));
		if (laneStart.plus(Duration.ofDays(LANE_DAYS)).isAfter(this.now)) {
			return null;
		}
		int roll = this.random.nextInt(100);
		String program = (roll < 40) ? "KAP" : (roll < 80) ? "IV_INFUSION" : "ESKETAMINE";
		String protocol = switch (program) {
			case "IV_INFUSION" -> "IV_KETAMINE";
			case "ESKETAMINE" -> "ESKETAMINE_REMS";
			default -> (this.random.nextInt(10) < 6) ? "KAP_IM_KETAMINE" : "KAP_SL_KETAMINE";
		};
		String template = switch (program) {
			case "IV_INFUSION" -> "IV_INFUSION_SERIES";
			case "ESKETAMINE" -> "ESKETAMINE_REMS";
			default -> "KAP_IN_SESSION";
		};
		int[] days = switch (program) {
			case "IV_INFUSION" -> new int[] { 0, 2, 4, 7, 9, 11 };
			case "ESKETAMINE" -> new int[] { 0, 3, 7, 10, 14, 17, 21, 24 };
			default -> new int[] { 0, 7, 14 };
		};
		// One course in eight stops early (side effects or cost, in the story).
		boolean discontinued = this.random.nextInt(8) == 0;
		int sessions = discontinued ? Math.max(1, days.length / 2) : days.length;
		List<Instant> starts = new ArrayList<>();
		List<Boolean> alerts = new ArrayList<>();
		List<Boolean> held = new ArrayList<>();
		List<String> sideEffects = new ArrayList<>();
		for (int i = 0; i < sessions; i++) {
			starts.add(laneStart.plus(Duration.ofDays(days[i])));
			alerts.add(this.random.nextInt(12) == 0);
			held.add(this.random.nextInt(15) == 0);
			sideEffects.add(sideEffect());
		}
		Response response = response(program);
		List<ImportedAnswers> scores = new ArrayList<>();
		Instant firstDose = starts.get(0).plus(Duration.ofMinutes(15));
		Instant lastDose = starts.get(starts.size() - 1).plus(Duration.ofMinutes(15));
		scores.addAll(trajectory(patient, "PHQ-9", 8, 2, 12 + this.random.nextInt(13), 24, response, firstDose,
				lastDose, discontinued));
		if (this.random.nextInt(10) < 7) {
			scores.addAll(trajectory(patient, "GAD-7", 7, 0, 8 + this.random.nextInt(12), 21, response, firstDose,
					lastDose, discontinued));
		}
		String diagnosis = diagnosis(program);
		if (diagnosis.startsWith("F10")) {
			scores.addAll(alcohol(patient, response, firstDose, lastDose, discontinued));
		}
		// KAP integrates in-house after (most) doses; adjunctive programs with the
		// outside
		// therapist.
		int integration = "KAP".equals(program) ? this.random.nextInt(sessions + 1) : 0;
		return new PastCourse(program, protocol, template, diagnosis, starts, alerts, held, sideEffects, integration,
				scores, discontinued ? "Stopped after " + sessions + " sessions: nausea and cost (demo)" : null);
	}

	/**
	 * A session's side effect as EFFECT|SEVERITY, or null (about one session in four).
	 */
	private String sideEffect() {
		int roll = this.random.nextInt(100);
		if (roll < 12) {
			return (roll < 9) ? "NAUSEA|MILD" : "NAUSEA|MODERATE";
		}
		if (roll < 18) {
			return "DIZZINESS|MILD";
		}
		if (roll < 22) {
			return "HEADACHE|MILD";
		}
		return (roll < 25) ? "DISSOCIATION|MODERATE" : null;
	}

	/** How this course's patient responds; the mixture differs a little per program. */
	private Response response(String program) {
		int roll = this.random.nextInt(100);
		int responders = switch (program) {
			case "IV_INFUSION" -> 50;
			case "ESKETAMINE" -> 40;
			default -> 45;
		};
		if (roll < responders) {
			return Response.RESPONDER;
		}
		return (roll < responders + 28) ? Response.PARTIAL : Response.NONE;
	}

	private String diagnosis(String program) {
		int roll = this.random.nextInt(100);
		return switch (program) {
			case "ESKETAMINE" -> (roll < 70) ? "F33.2" : "F33.1";
			case "IV_INFUSION" -> (roll < 60) ? "F33.2" : (roll < 75) ? "F32.2" : (roll < 90) ? "F43.10" : "F31.81";
			default -> (roll < 35) ? "F33.1" : (roll < 65) ? "F43.10" : (roll < 85) ? "F41.1" : "F10.20";
		};
	}

	/**
	 * A baseline a few days before the first dose, one score a week during the course,
	 * one the day after the last dose, and follow-ups near one, three, six and twelve
	 * months after the first dose while the patient stays in touch and the date has
	 * passed.
	 */
	private List<ImportedAnswers> trajectory(UUID patient, String instrument, int scoredItems, int extraItems,
			int baseline, int max, Response response, Instant firstDose, Instant lastDose, boolean discontinued) {
		List<ImportedAnswers> scores = new ArrayList<>();
		double end = baseline * switch (response) {
			case RESPONDER -> 0.2 + 0.25 * this.random.nextDouble();
			case PARTIAL -> 0.55 + 0.2 * this.random.nextDouble();
			case NONE -> 0.85 + 0.2 * this.random.nextDouble();
		};
		if (discontinued) {
			end = (baseline + end) / 2;
		}
		scores.add(score(patient, instrument, scoredItems, extraItems, baseline, max,
				firstDose.minus(Duration.ofDays(1 + this.random.nextInt(10)))));
		long courseDays = Duration.between(firstDose, lastDose).toDays();
		for (long week = 7; week < courseDays; week += 7) {
			double share = (double) week / Math.max(courseDays, 1);
			scores.add(score(patient, instrument, scoredItems, extraItems,
					baseline + (end - baseline) * share + noise(), max, firstDose.plus(Duration.ofDays(week))));
		}
		scores.add(score(patient, instrument, scoredItems, extraItems, end + noise(), max,
				lastDose.plus(Duration.ofDays(1))));
		// Lost after the course, or after three months; a fifth of responders relapse.
		int stays = this.random.nextInt(100);
		int lastMonth = (stays < 15) ? 0 : (stays < 30) ? 3 : 12;
		boolean relapses = response == Response.RESPONDER && this.random.nextInt(5) == 0;
		double level = end;
		for (int months : new int[] { 1, 3, 6, 12 }) {
			if (months > lastMonth) {
				break;
			}
			Instant at = firstDose.atOffset(ZoneOffset.UTC)
				.plusMonths(months)
				.toInstant()
				.plus(Duration.ofDays(this.random.nextInt(15) - 7));
			if (at.isAfter(this.now)) {
				break;
			}
			level = relapses ? level + (baseline - level) * 0.35 : level + this.random.nextDouble() * 1.5 - 0.5;
			scores.add(score(patient, instrument, scoredItems, extraItems, level + noise(), max, at));
		}
		return scores;
	}

	/**
	 * An alcohol-use-disorder course: AUDIT before and after (items 1-8 filled evenly up
	 * to 4; items 9 and 10, which take only 0, 2 or 4, at 2) and the abstinence item at
	 * the follow-ups: responders mostly stay dry, others relapse sooner.
	 */
	private List<ImportedAnswers> alcohol(UUID patient, Response response, Instant firstDose, Instant lastDose,
			boolean discontinued) {
		List<ImportedAnswers> scores = new ArrayList<>();
		for (ImportedAnswers audit : trajectory(patient, "AUDIT", 8, 0, 14 + this.random.nextInt(14), 32, response,
				firstDose, lastDose, discontinued)) {
			int total = audit.answers().stream().mapToInt(Integer::intValue).sum();
			List<Integer> answers = new ArrayList<>();
			for (int item = 0; item < 8; item++) {
				int value = Math.min(4, (total + 7 - item) / (8 - item));
				answers.add(value);
				total -= value;
			}
			answers.add(2);
			answers.add(2);
			scores.add(new ImportedAnswers(patient, "AUDIT", answers, audit.administeredAt()));
		}
		int relapsePercent = switch (response) {
			case RESPONDER -> 8;
			case PARTIAL -> 25;
			case NONE -> 55;
		};
		boolean relapsed = false;
		int stays = this.random.nextInt(100);
		int lastMonth = (stays < 15) ? 0 : (stays < 30) ? 3 : 12;
		for (int months : new int[] { 1, 3, 6, 12 }) {
			Instant at = firstDose.atOffset(ZoneOffset.UTC)
				.plusMonths(months)
				.toInstant()
				.plus(Duration.ofDays(this.random.nextInt(15) - 7));
			if (months > lastMonth || at.isAfter(this.now)) {
				break;
			}
			relapsed = relapsed || this.random.nextInt(100) < relapsePercent;
			int answer = !relapsed ? 0 : (this.random.nextBoolean() ? 1 : 2);
			scores.add(new ImportedAnswers(patient, "ALCOHOL-ABSTINENCE", List.of(answer), at));
		}
		return scores;
	}

	private double noise() {
		return this.random.nextGaussian() * 1.5;
	}

	/**
	 * Answers adding up to the total: scored items 0-3 filled evenly, the rest (PHQ-9's
	 * self-harm item stays 0: imported history raises no risk flag; its difficulty item
	 * is unscored) as given.
	 */
	private ImportedAnswers score(UUID patient, String instrument, int scoredItems, int extraItems, double total,
			int max, Instant at) {
		int left = (int) Math.round(Math.max(0, Math.min(max, total)));
		List<Integer> answers = new ArrayList<>();
		for (int item = 0; item < scoredItems; item++) {
			int value = Math.min(3, (left + scoredItems - item - 1) / (scoredItems - item));
			answers.add(value);
			left -= value;
		}
		for (int item = 0; item < extraItems; item++) {
			answers.add((item == extraItems - 1) ? this.random.nextInt(4) : 0);
		}
		return new ImportedAnswers(patient, instrument, answers, at);
	}

	enum Response {

		RESPONDER, PARTIAL, NONE

	}

	/**
	 * @param discontinuedBecause null for a completed course
	 */
	record PastCourse(String program, String protocol, String template, String diagnosis, List<Instant> sessions,
			List<Boolean> alerts, List<Boolean> held, List<String> sideEffects, int integrationSessions,
			List<ImportedAnswers> scores, String discontinuedBecause) {
	}

}
