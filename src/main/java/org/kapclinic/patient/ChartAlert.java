package org.kapclinic.patient;

/**
 * An alert shown across the top of a patient's chart (for example an open suicide-risk
 * flag). Capabilities provide them through {@link ChartAlerts} beans.
 *
 * @param level {@code danger}, {@code warning} or {@code info} (Bootstrap alert colours)
 * @param link where the alert is dealt with, relative to the app
 */
public record ChartAlert(String level, String text, String link) {
}
