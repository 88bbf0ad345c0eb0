package org.kapclinic.portal;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The patient portal's settings.
 *
 * @param inviteValidity how long an invitation link works (7 days)
 * @param maxFailedAttempts failed sign-ins that lock an account for {@code lockout} (5,
 * as staff accounts)
 * @param lockout how long a locked account stays locked (15 minutes)
 * @param dayOfDosing what the portal's home tells a patient before a dosing session, one
 * line each; the clinic's own words (fasting times differ by protocol, so the default
 * names none: it points to the care team's instructions)
 * @param requestableTypes appointment types a patient may ask for in the portal
 * (integration and follow-up; dosing sessions are planned by the prescriber)
 * @param guardiansSeeJournal whether a minor's guardian, signed in as their proxy, may
 * read and write the minor's journal and self-reports (false). Off by default: where a
 * minor may consent to their own care, a parent is not their personal representative for
 * it under HIPAA (45 CFR 164.502(g)(3)), state laws differ, and the AAP asks for
 * confidential adolescent care by default ("Confidentiality in the Care of Adolescents",
 * Pediatrics 2024;153(5):e2024066326). A clinic whose jurisdiction and policy give
 * guardians this access turns it on.
 */
@ConfigurationProperties("kap.portal")
public record PortalSettings(Duration inviteValidity, Integer maxFailedAttempts, Duration lockout,
		List<String> dayOfDosing, List<String> requestableTypes, Boolean guardiansSeeJournal) {

	/**
	 * The default. No driving until the next day after a restful sleep, and someone to
	 * drive them home: SPRAVATO prescribing information (Janssen, 2019), 5.8 "Impaired
	 * Ability to Drive and Operate Machinery" and 17; clinics give the same advice after
	 * ketamine. Fasting differs (the Spravato patient information: no food 2 hours, no
	 * liquids 30 minutes before; IV and IM protocols longer), so the clinic sets its own.
	 */
	static final List<String> DAY_OF_DOSING = List.of(
			"Follow the eating and drinking instructions your care team gave you for the hours before.",
			"Bring a list of your medications, and tell us about any change.",
			"Arrange a ride home: do not drive until the next day, after a restful sleep.");

	public PortalSettings {
		requestableTypes = (requestableTypes == null) ? List.of("INTEGRATION", "FOLLOW_UP")
				: List.copyOf(requestableTypes);
		dayOfDosing = (dayOfDosing == null || dayOfDosing.isEmpty()) ? DAY_OF_DOSING : List.copyOf(dayOfDosing);
		inviteValidity = (inviteValidity == null) ? Duration.ofDays(7) : inviteValidity;
		maxFailedAttempts = (maxFailedAttempts == null) ? 5 : maxFailedAttempts;
		lockout = (lockout == null) ? Duration.ofMinutes(15) : lockout;
		guardiansSeeJournal = (guardiansSeeJournal != null) && guardiansSeeJournal;
	}

}
