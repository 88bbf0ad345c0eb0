package org.kapclinic.notes;

import java.time.Instant;
import java.util.List;

/**
 * The fields a note type asks for, versioned: a note keeps the version it was written on,
 * and an administrator's change publishes a new one.
 */
record NoteTemplate(String code, int version, String name, List<Field> fields, Instant publishedAt,
		String publishedBy) {

	boolean hasField(String key) {
		return this.fields.stream().anyMatch((f) -> f.key().equals(key));
	}

	/** One free-text field of the template. */
	public record Field(String key, String label) {
	}

}
