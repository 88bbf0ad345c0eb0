package org.kapclinic.ledger;

import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.SecondPersons;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/**
 * The witness to a waste (or a count): a different, active prescriber or nurse who signs
 * with their own password. Two-person witnessed waste of controlled substances is common
 * clinic and state-board practice (not yet sourced in clinical.md, so the roles are
 * clinic policy); the same check serves a witnessed count.
 */
@Component
class Witnesses {

	private final SecondPersons verification;

	Witnesses(SecondPersons verification) {
		this.verification = verification;
	}

	/**
	 * The verified witness.
	 * @throws InvalidInputException (400) when no credentials were given
	 * @throws RuleViolationException (422) when they are not accepted, are the recorder's
	 * own, or belong to someone who may not witness
	 */
	StaffMember require(WitnessCredentials credentials, StaffMember recorder, String purpose) {
		if (credentials == null || !credentials.complete()) {
			throw InvalidInputException.of("witness",
					"a second person (prescriber or nurse) signs with their own username and password");
		}
		return this.verification.requireOther(credentials.username(), credentials.password(), recorder,
				LedgerAccess.ADMINISTERING, purpose, "The witness", "WITNESS");
	}

}
