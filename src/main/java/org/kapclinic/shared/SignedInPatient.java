package org.kapclinic.shared;

import java.util.UUID;

/**
 * Someone signed in to the patient portal (issue 21), as the modules that serve portal
 * pages see them: the patient whose record they may reach, which every portal page reads
 * from here, never from the address. The portal module's principal implements it.
 */
public interface SignedInPatient {

	/**
	 * The patient whose record this is: the patient themself, or the minor a guardian
	 * acts for.
	 */
	UUID patientId();

	/** Whether a minor's guardian signed in as their proxy, not the patient themself. */
	default boolean proxy() {
		return false;
	}

	/**
	 * Whether they may read and write the patient's journal and self-reports: the
	 * patient, and a guardian only where the clinic's policy allows
	 * ({@code kap.portal.guardians-see-journal}).
	 */
	default boolean seesPrivate() {
		return !proxy();
	}

}
