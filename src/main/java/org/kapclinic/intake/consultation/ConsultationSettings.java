package org.kapclinic.intake.consultation;

import java.time.Duration;
import java.util.Set;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Abuse limits of the public consultation page ({@code kap.consultation.*}).
 *
 * @param submissionsPerAddress submissions one client address may send per {@code window}
 * (default 5 per hour; a family sharing a connection still fits)
 * @param window the rate-limit window
 * @param submissionsPerWindow submissions from all addresses together per {@code window}
 * (default 200): many addresses (a botnet, or IPv6 addresses, which are counted per /64)
 * cannot flood the queue one address at a time
 * @param triageRoles who reads and works the triage queue (names, birth dates, "suicidal
 * thoughts"): default FRONT_DESK, PRESCRIBER, ADMIN; nurses and therapists see a request
 * once it is a patient on their care team (minimum necessary, HIPAA 164.502(b))
 */
@ConfigurationProperties("kap.consultation")
record ConsultationSettings(Integer submissionsPerAddress, Duration window, Integer submissionsPerWindow,
		Set<Role> triageRoles) {

	ConsultationSettings {
		submissionsPerAddress = (submissionsPerAddress == null) ? 5 : submissionsPerAddress;
		window = (window == null) ? Duration.ofHours(1) : window;
		submissionsPerWindow = (submissionsPerWindow == null) ? 200 : submissionsPerWindow;
		triageRoles = (triageRoles == null || triageRoles.isEmpty())
				? Set.of(Role.FRONT_DESK, Role.PRESCRIBER, Role.ADMIN) : Set.copyOf(triageRoles);
	}

	boolean triages(StaffMember user) {
		return this.triageRoles.stream().anyMatch(user::has);
	}

}
