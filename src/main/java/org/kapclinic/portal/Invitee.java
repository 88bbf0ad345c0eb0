package org.kapclinic.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.patient.Guardian;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * Who an invitation is for and where it goes (issue 21), with what is wrong with it: the
 * patient at their address (default: the one on file), or a minor's guardian on file at
 * the guardian's address (default: the one guardian with an address). A minor's own
 * account may not use a guardian's address: at one children's hospital 62% of adolescent
 * portal accounts were registered with a guardian's e-mail, which defeats the
 * adolescent's confidential account ("Ensuring Adolescent Patient Portal Confidentiality
 * in the Age of the Cures Act Final Rule", J Adolesc Health 2021,
 * jahonline.org/article/S1054-139X(21)00453-5); the guardian gets a proxy account
 * instead.
 *
 * @param guardian the guardian invited, or null for the patient
 * @param problems field problems; empty when the invitation may go
 */
record Invitee(PortalAccountHolder holder, String email, Guardian guardian, List<FieldProblem> problems) {

	static Invitee of(PatientSummary patient, List<Guardian> guardians, String emailOnFile, InviteRequest request) {
		PortalAccountHolder holder = (request == null || request.holder() == null) ? PortalAccountHolder.PATIENT
				: request.holder();
		String given = (request == null || request.email() == null) ? "" : lower(request.email());
		List<FieldProblem> problems = new ArrayList<>();
		if (holder == PortalAccountHolder.GUARDIAN) {
			List<Guardian> reachable = guardians.stream()
				.filter((g) -> OutgoingMail.isAddress(lower(g.email())))
				.toList();
			Guardian guardian = reachable.stream()
				.filter((g) -> given.isEmpty() ? reachable.size() == 1 : lower(g.email()).equals(given))
				.findFirst()
				.orElse(null);
			if (!patient.minor()) {
				problems.add(new FieldProblem("holder",
						"a guardian's proxy account is for a minor; this patient is an adult and holds their own account"));
			}
			else if (guardian == null) {
				problems.add(new FieldProblem("email", "the e-mail address of a guardian on file (add the guardian "
						+ "and their address to the patient's details first)"));
			}
			return new Invitee(holder, (guardian != null) ? lower(guardian.email()) : given, guardian, problems);
		}
		String email = given.isEmpty() ? lower(emailOnFile) : given;
		if (patient.minor() && guardians.stream().anyMatch((g) -> lower(g.email()).equals(email))) {
			problems.add(new FieldProblem("email",
					"the minor's own address, not a guardian's (invite the guardian to a proxy account of their own)"));
		}
		return new Invitee(holder, email, null, problems);
	}

	static String lower(String email) {
		return (email == null) ? "" : email.strip().toLowerCase(Locale.ROOT);
	}

}
