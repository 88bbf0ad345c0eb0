package org.kapclinic.notes;

/**
 * A member's attendance at a group integration circle (API codes, with the words staff
 * read). Entries go only to members who attended, even in part.
 */
enum Attendance {

	ATTENDED("Attended"), LEFT_EARLY("Left early"), ABSENT("Absent");

	private final String label;

	Attendance(String label) {
		this.label = label;
	}

	public String label() {
		return this.label;
	}

	/** Whether the member was there, so an entry may be filed to their chart. */
	public boolean present() {
		return this != ABSENT;
	}

	/** The attendance of a code, or null when it is none of them. */
	static Attendance of(String code) {
		for (Attendance value : values()) {
			if (value.name().equals(code)) {
				return value;
			}
		}
		return null;
	}

}
