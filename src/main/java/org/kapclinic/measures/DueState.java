package org.kapclinic.measures;

import java.util.List;

/**
 * Where an occurrence of a measure schedule stands at read time (the API keeps the code,
 * people read the label).
 */
public enum DueState {

	UPCOMING("Upcoming", "text-bg-light border"), DUE("Due", "text-bg-warning"), OVERDUE("Overdue", "text-bg-danger"),
	DONE("Done", "text-bg-success"), CANCELLED("Cancelled", "text-bg-light border");

	private final String label;

	private final String badge;

	DueState(String label, String badge) {
		this.label = label;
		this.badge = badge;
	}

	public String label() {
		return this.label;
	}

	/** The badge's colour classes: red overdue, amber due. */
	public String badge() {
		return this.badge;
	}

	/** Needs the patient now: due or overdue. */
	public boolean open() {
		return this == DUE || this == OVERDUE;
	}

	/** The worklist's filters, besides "all". */
	public static List<DueState> worklistFilters() {
		return List.of(DUE, OVERDUE);
	}

	/** The state of a code, or null for anything else (a filter left out). */
	static DueState parse(String code) {
		for (DueState state : values()) {
			if (state.name().equals(code)) {
				return state;
			}
		}
		return null;
	}

}
