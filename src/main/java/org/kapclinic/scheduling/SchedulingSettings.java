package org.kapclinic.scheduling;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Scheduling policy ({@code kap.scheduling.*}). The dosing values encode clinical.md: the
 * Spravato REMS observation of at least 2 hours after each esketamine session (2.1, not
 * configurable below 120 min plus dosing time), IV series of 2–3 infusions a week (1.1),
 * esketamine at most twice weekly in induction (1.2). Everything else is clinic policy
 * with documented defaults.
 *
 * @param minDosingMinutes the shortest chair time per program: dose plus monitoring
 * (ESKETAMINE 135 = 15 min of devices + the REMS 120 min; IV_INFUSION 100 = 40 min
 * infusion + 60 min; KAP 120)
 * @param maxDosesPerWeek dosing sessions per rolling 7 days per program (KAP 2,
 * IV_INFUSION 3, ESKETAMINE 2)
 * @param minHoursBetweenDoses at least this long from one dosing start to the next (24)
 * @param integrationWithinDays an integration session is expected within this many days
 * after each dose; the course timeline flags a dose without one (7)
 * @param reminderLeads reminder e-mails this long before each appointment (48 h and 2 h)
 * @param slotStep granularity of the slot finder (15 min)
 * @param feedValidity a calendar-feed address stops working this long after it was made
 * (90 days; a secret URL that never expires outlives the phone it was set up on). It also
 * stops when the account is deactivated or its password is reset.
 */
@ConfigurationProperties("kap.scheduling")
record SchedulingSettings(Map<String, Integer> minDosingMinutes, Map<String, Integer> maxDosesPerWeek,
		Integer minHoursBetweenDoses, Integer integrationWithinDays, List<Duration> reminderLeads, Duration slotStep,
		Duration feedValidity) {

	/**
	 * Spravato REMS: at least 2 hours of observation after each session (clinical.md
	 * 2.1).
	 */
	static final int REMS_OBSERVATION_MINUTES = 120;

	SchedulingSettings {
		minDosingMinutes = merge(Map.of("KAP", 120, "IV_INFUSION", 100, "ESKETAMINE", 135), minDosingMinutes);
		maxDosesPerWeek = merge(Map.of("KAP", 2, "IV_INFUSION", 3, "ESKETAMINE", 2), maxDosesPerWeek);
		minHoursBetweenDoses = (minHoursBetweenDoses == null) ? 24 : minHoursBetweenDoses;
		integrationWithinDays = (integrationWithinDays == null) ? 7 : integrationWithinDays;
		reminderLeads = (reminderLeads == null || reminderLeads.isEmpty())
				? List.of(Duration.ofHours(48), Duration.ofHours(2)) : List.copyOf(reminderLeads);
		slotStep = (slotStep == null) ? Duration.ofMinutes(15) : slotStep;
		feedValidity = (feedValidity == null) ? Duration.ofDays(90) : feedValidity;
	}

	int minDosingMinutes(String program) {
		int configured = this.minDosingMinutes.getOrDefault(program, 60);
		return "ESKETAMINE".equals(program) ? Math.max(configured, REMS_OBSERVATION_MINUTES) : configured;
	}

	private static Map<String, Integer> merge(Map<String, Integer> defaults, Map<String, Integer> configured) {
		if (configured == null || configured.isEmpty()) {
			return defaults;
		}
		Map<String, Integer> merged = new java.util.HashMap<>(defaults);
		merged.putAll(configured);
		return Map.copyOf(merged);
	}

}
