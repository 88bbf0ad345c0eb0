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
 * @param endAccessWhenCareEnds whether closing a patient's last open course (completed or
 * discontinued, none planned or paused) counts as discharge from care and ends their
 * portal access and their guardians' (false: follow-up questionnaires and booster
 * sessions often continue after a course, so by default access lasts until staff end it)
 * @param afterVisit what the portal tells a patient after a dosing session, one line each
 * (the clinic's words; the default is {@link #AFTER_VISIT})
 */
@ConfigurationProperties("kap.portal")
public record PortalSettings(Duration inviteValidity, Integer maxFailedAttempts, Duration lockout,
		List<String> dayOfDosing, List<String> requestableTypes, Boolean guardiansSeeJournal,
		Boolean endAccessWhenCareEnds, List<String> afterVisit) {

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

	/**
	 * The default after-visit instructions: no driving or machinery until the next day
	 * after a restful sleep (SPRAVATO prescribing information, Janssen 2019, 5.8 and 17;
	 * clinics give the same advice after ketamine), and where to turn if something
	 * worries the patient.
	 */
	static final List<String> AFTER_VISIT = List.of(
			"Do not drive or operate machinery until tomorrow, after a restful sleep.",
			"Rest for the rest of the day, and have someone you trust nearby if you can.",
			"Some tiredness, light-headedness or nausea can last a few hours. If something worries you, call the clinic.",
			"You can write down what came up in your journal, to bring to your integration session.");

	public PortalSettings {
		afterVisit = (afterVisit == null || afterVisit.isEmpty()) ? AFTER_VISIT : List.copyOf(afterVisit);
		requestableTypes = (requestableTypes == null) ? List.of("INTEGRATION", "FOLLOW_UP")
				: List.copyOf(requestableTypes);
		dayOfDosing = (dayOfDosing == null || dayOfDosing.isEmpty()) ? DAY_OF_DOSING : List.copyOf(dayOfDosing);
		inviteValidity = (inviteValidity == null) ? Duration.ofDays(7) : inviteValidity;
		maxFailedAttempts = (maxFailedAttempts == null) ? 5 : maxFailedAttempts;
		lockout = (lockout == null) ? Duration.ofMinutes(15) : lockout;
		guardiansSeeJournal = (guardiansSeeJournal != null) && guardiansSeeJournal;
		endAccessWhenCareEnds = (endAccessWhenCareEnds != null) && endAccessWhenCareEnds;
	}

}
