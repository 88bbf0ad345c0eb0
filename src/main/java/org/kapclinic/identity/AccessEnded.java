package org.kapclinic.identity;

import java.util.UUID;

/**
 * A staff member's access ended or changed: their browser sessions and API tokens are
 * already gone when this is published, inside the transaction that made the change. Other
 * modules end what they hand out on the account's behalf (the scheduling module's
 * calendar feed).
 *
 * @param userId the staff member
 * @param reason what happened
 */
public record AccessEnded(UUID userId, Reason reason) {

	/** What ended the access. */
	public enum Reason {

		DEACTIVATED("deactivated", true), ROLES_CHANGED("roles changed", false), PASSWORD_RESET("password reset", true),
		OWN_PASSWORD_CHANGED("own password changed", true);

		private final String label;

		private final boolean credentialsEnd;

		Reason(String label, boolean credentialsEnd) {
			this.label = label;
			this.credentialsEnd = credentialsEnd;
		}

		public String label() {
			return this.label;
		}

		/**
		 * Whether secrets issued to the account (a calendar-feed address) stop working
		 * too: yes for deactivation and any password change, not for a change of roles.
		 */
		public boolean credentialsEnd() {
			return this.credentialsEnd;
		}

	}

}
