package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.kapclinic.dosing.SessionReads.GivenDose;

/**
 * A patient's cumulative ketamine exposure (issue 19): dosing sessions, total mg and
 * mg/kg per rolling 30, 90 and 365 days and lifetime, per route and per product, and the
 * clinic's cautions it raises. mg/kg adds each session's mg over that session's weight
 * and counts racemic ketamine only: esketamine is a fixed dose (Spravato), so its mg per
 * kg means nothing clinically and it is counted in mg.
 *
 * @param asOf the clinic date the windows end on
 */
public record PatientExposure(UUID patientId, LocalDate asOf, List<Window> windows, List<Caution> cautions) {

	/**
	 * @param code 30D, 90D, 365D or LIFETIME
	 */
	public record Window(String code, String label, Totals all, List<Part> byRoute, List<Part> byProduct) {
	}

	/**
	 * @param totalMgPerKg null when nothing racemic was given
	 */
	public record Totals(int sessions, BigDecimal totalMg, BigDecimal totalMgPerKg) {
	}

	/** One route's or product's share: its code, its words and its totals. */
	public record Part(String code, String label, Totals totals) {
	}

	/**
	 * A caution the prescriber acknowledges with a reason before ordering.
	 *
	 * @param code SESSIONS_30_DAYS or MG_PER_KG_90_DAYS
	 */
	public record Caution(String code, String message) {
	}

	/** The product a route gives: esketamine is only the intranasal spray here. */
	public enum Product {

		KETAMINE("Racemic ketamine"), ESKETAMINE("Esketamine (Spravato)");

		private final String label;

		Product(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

		static Product of(Route route) {
			return (route == Route.IN) ? ESKETAMINE : KETAMINE;
		}

	}

	static PatientExposure of(UUID patientId, List<GivenDose> doses, LocalDate today, ExposureSettings settings) {
		Map<ExposureWindow, Window> windows = new EnumMap<>(ExposureWindow.class);
		for (ExposureWindow window : ExposureWindow.values()) {
			List<GivenDose> in = doses.stream().filter((dose) -> window.contains(dose.date(), today)).toList();
			List<Part> byRoute = new ArrayList<>();
			for (Route route : Route.values()) {
				addPart(byRoute, route.name(), route.label(), in, (dose) -> dose.route() == route);
			}
			List<Part> byProduct = new ArrayList<>();
			for (Product product : Product.values()) {
				addPart(byProduct, product.name(), product.label(), in, (dose) -> Product.of(dose.route()) == product);
			}
			windows.put(window, new Window(window.code(), window.label(), totals(in), byRoute, byProduct));
		}
		List<Caution> cautions = new ArrayList<>();
		int sessions30 = windows.get(ExposureWindow.LAST_30_DAYS).all().sessions();
		if (sessions30 > settings.cautionSessions()) {
			cautions.add(new Caution("SESSIONS_30_DAYS", sessions30 + " dosing sessions in the last 30 days, more than "
					+ settings.cautionSessions() + " (the clinic's caution threshold)"));
		}
		BigDecimal mgPerKg90 = windows.get(ExposureWindow.LAST_90_DAYS).all().totalMgPerKg();
		if (mgPerKg90 != null && mgPerKg90.compareTo(settings.cautionMgPerKg()) > 0) {
			cautions.add(new Caution("MG_PER_KG_90_DAYS",
					mgPerKg90.stripTrailingZeros().toPlainString()
							+ " mg/kg of racemic ketamine in the last 90 days, more than "
							+ settings.cautionMgPerKg().stripTrailingZeros().toPlainString()
							+ " (the clinic's caution threshold)"));
		}
		return new PatientExposure(patientId, today, List.copyOf(windows.values()), List.copyOf(cautions));
	}

	private static void addPart(List<Part> parts, String code, String label, List<GivenDose> doses,
			Predicate<GivenDose> belongs) {
		List<GivenDose> mine = doses.stream().filter(belongs).toList();
		if (!mine.isEmpty()) {
			parts.add(new Part(code, label, totals(mine)));
		}
	}

	private static Totals totals(List<GivenDose> doses) {
		BigDecimal mg = doses.stream().map(GivenDose::totalMg).reduce(BigDecimal.ZERO, BigDecimal::add);
		List<GivenDose> racemic = doses.stream().filter((dose) -> dose.route() != Route.IN).toList();
		BigDecimal mgPerKg = racemic.isEmpty() ? null
				: racemic.stream()
					.map(GivenDose::mgPerKg)
					.reduce(BigDecimal.ZERO, BigDecimal::add)
					.setScale(2, RoundingMode.HALF_UP);
		return new Totals(doses.size(), mg, mgPerKg);
	}

}
