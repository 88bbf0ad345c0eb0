package org.kapclinic.shared;

/**
 * Bounds every paged list and search shares (issue 16 finding 6: {@code page=2147483647}
 * overflowed the offset and a NUL byte in {@code q} reached PostgreSQL, both as 500s): a
 * page number from 0 to 10,000, a page size from 1 to 200, search text without control
 * characters. Each is a 400 that names the field.
 */
public final class Paging {

	public static final int MAX_PAGE = 10_000;

	public static final int MAX_SIZE = 200;

	private Paging() {
	}

	/** Refuses a page number or size out of bounds. */
	public static void check(int page, int size) {
		if (page < 0 || page > MAX_PAGE) {
			throw InvalidInputException.of("page", "a page number from 0 to " + MAX_PAGE);
		}
		if (size < 1 || size > MAX_SIZE) {
			throw InvalidInputException.of("size", "a page size from 1 to " + MAX_SIZE);
		}
	}

	/** Refuses search text with control characters (a NUL byte, a line break). */
	public static String searchText(String field, String text) {
		if (text != null && text.chars().anyMatch((c) -> c < 0x20 || c == 0x7f)) {
			throw InvalidInputException.of(field, "search text cannot contain control characters");
		}
		return text;
	}

}
