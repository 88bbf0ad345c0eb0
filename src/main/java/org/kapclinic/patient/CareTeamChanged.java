package org.kapclinic.patient;

import java.util.List;
import java.util.UUID;

/**
 * A patient's care team changed (published inside the change's transaction): the tasks
 * module takes open tasks away from whoever left and gives them to the team (issue 16
 * finding 1).
 */
public record CareTeamChanged(UUID patientId, List<UUID> removed, List<UUID> added) {
}
