package org.kapclinic.patient;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.kapclinic.identity.CurrentUser;
import org.springframework.stereotype.Component;

/** The banner on every page of a chart opened with break-glass, while it lasts. */
@Component
class BreakGlassAlerts implements ChartAlerts {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

	private final BreakGlass breakGlass;

	private final CurrentUser currentUser;

	private final Clock clock;

	BreakGlassAlerts(BreakGlass breakGlass, CurrentUser currentUser, Clock clock) {
		this.breakGlass = breakGlass;
		this.currentUser = currentUser;
		this.clock = clock;
	}

	@Override
	public List<ChartAlert> alertsFor(UUID patientId) {
		return this.currentUser.find()
			.flatMap((user) -> this.breakGlass.active(user.id(), patientId))
			.map((grant) -> List.of(new ChartAlert("danger",
					"Emergency access (break-glass) until "
							+ TIME.format(grant.expiresAt().atZone(this.clock.getZone()))
							+ ": you are not on this patient's care team. Everything you open is audited and will be "
							+ "reviewed.",
					null)))
			.orElse(List.of());
	}

}
