package org.kapclinic.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.shared.CrisisResources;

/** The invitation e-mail, to a patient or to a minor's guardian (issue 21). */
final class InviteMail {

	private InviteMail() {
	}

	/**
	 * The e-mail says who invites and where to go, nothing clinical: an inbox may be read
	 * by others.
	 */
	static OutgoingMail of(UUID linkId, String name, boolean guardian, String email, String url, Instant expiresAt,
			ZoneId zone, CrisisResources crisis) {
		String expires = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm").format(expiresAt.atZone(zone));
		String text = """
				Hello %s,

				%s

				%s

				You will be asked for %s, then to choose a password and to set up an \
				authenticator app. The link works once and until %s.

				The portal is not for emergencies. If you are thinking about harming yourself or are in crisis: %s. \
				In an emergency call %s.
				""".formatted(name,
				guardian ? """
						Your care team invites you, as a guardian, to the clinic's patient portal, where you can see the \
						appointments, sign consents, read invoices and write to the care team for the patient you care for:"""
						: """
								Your care team invites you to the clinic's patient portal, where you can see your \
								appointments, prepare for your sessions and fill in your questionnaires:""",
				url, guardian ? "the patient's date of birth" : "your date of birth", expires, crisis.crisisLine(),
				crisis.emergencyNumber());
		return new OutgoingMail("portal-invite:" + linkId, email, "Your invitation to the patient portal", text, null,
				List.of());
	}

}
