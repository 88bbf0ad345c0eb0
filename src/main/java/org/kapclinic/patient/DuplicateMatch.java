package org.kapclinic.patient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A registered patient who may be the person being registered again.
 *
 * @param matchedOn what they have in common (codes on the API, {@link #reasons()} in
 * words on the page)
 */
public record DuplicateMatch(UUID id, String mrn, String displayName, LocalDate birthDate,
		List<MatchedOn> matchedOn) implements java.io.Serializable {

	/** What the registration has in common with the existing record. */
	public enum MatchedOn {

		NAME_AND_BIRTH_DATE("same family name and date of birth"), EMAIL("same e-mail"), PHONE("same phone"),
		IDENTIFIER("same identifier from the sending system");

		private final String label;

		MatchedOn(String label) {
			this.label = label;
		}

		public String label() {
			return this.label;
		}

	}

	/**
	 * The match as shown to a user who may not see that patient: that a record exists and
	 * what it has in common, not whose it is (no id, MRN, name or birth date).
	 */
	public DuplicateMatch withoutIdentity() {
		return new DuplicateMatch(null, null, null, null, this.matchedOn);
	}

	/** What matched, in words: "same family name and date of birth, same phone". */
	public String reasons() {
		return this.matchedOn.stream().map(MatchedOn::label).collect(Collectors.joining(", "));
	}

}
