package org.kapclinic.dosing;

import java.util.ArrayList;
import java.util.List;

import org.kapclinic.dosing.Protocol.AlertThresholds;
import org.kapclinic.dosing.Protocol.HoldThresholds;

/**
 * Compares readings with a protocol's thresholds. Hold values are exceeded strictly ("BP
 * > 140/90", clinical.md 2.1); alert values are reached or crossed as written in the
 * protocol field names ({@code systolicAtLeast}, {@code heartRateAbove}, ...).
 */
final class Thresholds {

	private Thresholds() {
	}

	/** Why pre-dose vitals hold the session; empty when they are within thresholds. */
	static List<String> hold(HoldThresholds hold, int systolic, int diastolic, int heartRate, Integer spo2) {
		List<String> reasons = new ArrayList<>();
		if (hold.systolicAbove() != null && systolic > hold.systolicAbove()) {
			reasons.add("systolic " + systolic + " > " + hold.systolicAbove());
		}
		if (hold.diastolicAbove() != null && diastolic > hold.diastolicAbove()) {
			reasons.add("diastolic " + diastolic + " > " + hold.diastolicAbove());
		}
		if (hold.heartRateAbove() != null && heartRate > hold.heartRateAbove()) {
			reasons.add("heart rate " + heartRate + " > " + hold.heartRateAbove());
		}
		if (hold.spo2Below() != null && spo2 != null && spo2 < hold.spo2Below()) {
			reasons.add("SpO2 " + spo2 + " % < " + hold.spo2Below() + " %");
		}
		return reasons;
	}

	/** Alerts a set of vitals raises: code and message. */
	static List<Crossing> vitals(AlertThresholds a, int systolic, int diastolic, int heartRate, Integer spo2,
			Integer respiratoryRate) {
		List<Crossing> crossings = new ArrayList<>();
		if (a.systolicAtLeast() != null && systolic >= a.systolicAtLeast()) {
			crossings.add(new Crossing("SYSTOLIC_HIGH", "Systolic " + systolic + " ≥ " + a.systolicAtLeast()));
		}
		if (a.diastolicAtLeast() != null && diastolic >= a.diastolicAtLeast()) {
			crossings.add(new Crossing("DIASTOLIC_HIGH", "Diastolic " + diastolic + " ≥ " + a.diastolicAtLeast()));
		}
		if (a.heartRateAbove() != null && heartRate > a.heartRateAbove()) {
			crossings.add(new Crossing("HEART_RATE_HIGH", "Heart rate " + heartRate + " > " + a.heartRateAbove()));
		}
		if (a.heartRateBelow() != null && heartRate < a.heartRateBelow()) {
			crossings.add(new Crossing("HEART_RATE_LOW", "Heart rate " + heartRate + " < " + a.heartRateBelow()));
		}
		if (a.spo2Below() != null && spo2 != null && spo2 < a.spo2Below()) {
			crossings.add(new Crossing("SPO2_LOW", "SpO2 " + spo2 + " % < " + a.spo2Below() + " %"));
		}
		if (a.respiratoryRateBelow() != null && respiratoryRate != null && respiratoryRate < a.respiratoryRateBelow()) {
			crossings.add(new Crossing("RESPIRATORY_RATE_LOW",
					"Respiratory rate " + respiratoryRate + " < " + a.respiratoryRateBelow()));
		}
		return crossings;
	}

	/**
	 * Sedation: MOAA/S at or below the protocol value; 0 (no response to a painful
	 * stimulus, loss of consciousness, Spravato PI 5.1) always alerts.
	 */
	static List<Crossing> sedation(AlertThresholds a, int moaas) {
		int limit = (a.moaasAtMost() != null) ? a.moaasAtMost() : 0;
		if (moaas == 0) {
			return List.of(new Crossing("UNRESPONSIVE", "MOAA/S 0: no response to painful stimulus"));
		}
		return (moaas <= limit) ? List.of(new Crossing("SEDATION_DEEP", "MOAA/S " + moaas + " ≤ " + limit)) : List.of();
	}

	static List<Crossing> dissociation(AlertThresholds a, int cadssTotal) {
		return (a.cadssAtLeast() != null && cadssTotal >= a.cadssAtLeast())
				? List.of(new Crossing("DISSOCIATION_HIGH", "CADSS " + cadssTotal + " ≥ " + a.cadssAtLeast()))
				: List.of();
	}

	/** One threshold crossed. */
	record Crossing(String code, String message) {
	}

}
