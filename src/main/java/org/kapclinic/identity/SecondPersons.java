package org.kapclinic.identity;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.kapclinic.shared.RuleViolationException;
import org.springframework.stereotype.Service;

/**
 * The second person of a two-person act (a witnessed waste or count, a co-signed hold
 * override): someone other than the recorder, holding one of the roles, who signs with
 * their own credentials at the recorder's screen. The credentials are checked by
 * {@link WitnessVerification} through its proxy, so a failed attempt is kept in its own
 * transaction even when the act is refused.
 */
@Service
public class SecondPersons {

	private final WitnessVerification verification;

	SecondPersons(WitnessVerification verification) {
		this.verification = verification;
	}

	/**
	 * A second person for a two-person act: verified as
	 * {@link WitnessVerification#verify}, someone other than the recorder, holding one of
	 * the roles. Refusals are 422 with the reason codes {@code <PREFIX>_SAME_USER},
	 * {@code <PREFIX>_NOT_VERIFIED} and {@code <PREFIX>_ROLE}.
	 * @param who how people call the second person ("The witness", "The co-signer")
	 * @param prefix the reason codes' prefix (WITNESS, COSIGNER)
	 */
	public StaffMember requireOther(String username, String password, StaffMember recorder, Set<Role> roles,
			String purpose, String who, String prefix) {
		if (username.trim().toLowerCase(Locale.ROOT).equals(recorder.username().toLowerCase(Locale.ROOT))) {
			throw new RuleViolationException(who + " must be someone other than you.", List.of(prefix + "_SAME_USER"));
		}
		StaffMember other = this.verification.verify(username, password, purpose)
			.orElseThrow(() -> new RuleViolationException(who
					+ "'s sign-in was not accepted: wrong username or password, or the account is locked or inactive.",
					List.of(prefix + "_NOT_VERIFIED")));
		if (other.id().equals(recorder.id())) {
			throw new RuleViolationException(who + " must be someone other than you.", List.of(prefix + "_SAME_USER"));
		}
		if (other.roles().stream().noneMatch(roles::contains)) {
			throw new RuleViolationException(who + " must be a prescriber or a nurse.", List.of(prefix + "_ROLE"));
		}
		return other;
	}

}
