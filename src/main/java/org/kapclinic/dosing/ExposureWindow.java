package org.kapclinic.dosing;

/**
 * The rolling periods cumulative exposure is counted over (issue 19), in clinic days: the
 * last 30 days are today and the 29 days before it.
 */
public enum ExposureWindow {

	LAST_30_DAYS("30D", "Last 30 days", 30), LAST_90_DAYS("90D", "Last 90 days", 90),
	LAST_365_DAYS("365D", "Last 365 days", 365), LIFETIME("LIFETIME", "Lifetime", 0);

	private final String code;

	private final String label;

	private final int days;

	ExposureWindow(String code, String label, int days) {
		this.code = code;
		this.label = label;
		this.days = days;
	}

	/** The code in the API. */
	public String code() {
		return this.code;
	}

	public String label() {
		return this.label;
	}

	/** Whether a dose on {@code date} falls in the window ending {@code today}. */
	boolean contains(java.time.LocalDate date, java.time.LocalDate today) {
		return this.days == 0 || !date.isBefore(today.minusDays(this.days - 1L));
	}

}
