package org.kapclinic.patient;

import java.util.List;

import org.kapclinic.shared.ConflictException;

/**
 * 409: the registration may be a patient who is already on file. Nothing was created; the
 * caller shows the matches and registers again with {@code confirmDuplicate} only if the
 * person is someone else. The problem answer carries {@code code} ({@value #CODE}) and
 * {@code matches}.
 */
public class PossibleDuplicateException extends ConflictException {

	public static final String CODE = "POSSIBLE_DUPLICATE";

	private final List<DuplicateMatch> matches;

	PossibleDuplicateException(List<DuplicateMatch> matches) {
		super("This may be a patient who is already registered (same family name and date of birth, e-mail or "
				+ "phone). Open the existing record, or, if this is a different person, register again with "
				+ "confirmDuplicate: true.", "Patient", matches.get(0).id());
		this.matches = List.copyOf(matches);
		with("code", CODE);
		with("matches", this.matches);
	}

	public List<DuplicateMatch> matches() {
		return this.matches;
	}

}
