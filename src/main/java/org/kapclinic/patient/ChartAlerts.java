package org.kapclinic.patient;

import java.util.List;
import java.util.UUID;

/**
 * Supplies alerts for the chart header. Called after the chart's own access check, for
 * users who may see the patient's clinical content.
 */
public interface ChartAlerts {

	List<ChartAlert> alertsFor(UUID patientId);

}
