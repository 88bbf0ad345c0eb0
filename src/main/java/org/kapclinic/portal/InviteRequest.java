package org.kapclinic.portal;

/**
 * {@code {"email", "holder"}}: where to send the invitation (default: the patient's
 * e-mail; for a guardian, the one guardian on file with an address) and whose account it
 * is ({@code PATIENT}, the default, or {@code GUARDIAN} for a minor's guardian on file).
 */
public record InviteRequest(String email, PortalAccountHolder holder) {

	public InviteRequest(String email) {
		this(email, null);
	}

}
