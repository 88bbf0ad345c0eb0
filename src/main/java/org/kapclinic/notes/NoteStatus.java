package org.kapclinic.notes;

/**
 * Where a note stands (API codes, with the words clinicians read): a draft its author
 * edits; signed and awaiting the supervisor's co-signature; or signed and locked. After
 * signing a note never changes: only addenda are added.
 */
public enum NoteStatus {

	DRAFT("Draft"), SIGNED("Signed"), LOCKED("Signed and locked");

	private final String label;

	NoteStatus(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

}
