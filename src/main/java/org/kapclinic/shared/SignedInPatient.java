package org.kapclinic.shared;

import java.util.UUID;

/**
 * A patient signed in to the patient portal (issue 21), as the modules that serve portal
 * pages see them: only their own patient id, which every portal page reads from here,
 * never from the address. The portal module's principal implements it.
 */
public interface SignedInPatient {

	UUID patientId();

}
