package org.kapclinic.shared;

import java.util.Set;
import java.util.UUID;

/**
 * What every module may know about the signed-in staff member. The identity module's
 * principal implements it; the audit trail reads it without depending on identity.
 */
public interface ClinicPrincipal {

	UUID userId();

	String username();

	Set<String> roleNames();

}
