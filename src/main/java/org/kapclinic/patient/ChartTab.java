package org.kapclinic.patient;

/**
 * A tab on the patient chart. Later capabilities (intake, measures, sessions, notes)
 * declare a bean of this type and their tab appears, in {@code order}, linking to
 * {@code /patients/{id}/<path>}.
 *
 * @param clinical whether the tab shows clinical content (hidden from front desk)
 */
public record ChartTab(String path, String label, String icon, int order, boolean clinical) {
}
