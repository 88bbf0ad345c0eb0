package org.kapclinic.shared;

/**
 * 409: the request collides with something that already holds the resource (a booked
 * chair, a staff member at capacity, the patient elsewhere at that time).
 *
 * @param resourceType what is taken, e.g. {@code Room}, {@code Staff}, {@code Patient}
 * @param resourceId its id
 */
public class ConflictException extends RuntimeException {

	private final String resourceType;

	private final Object resourceId;

	private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

	public ConflictException(String message, String resourceType, Object resourceId) {
		super(message);
		this.resourceType = resourceType;
		this.resourceId = resourceId;
	}

	public String resourceType() {
		return this.resourceType;
	}

	public Object resourceId() {
		return this.resourceId;
	}

	/**
	 * Adds a property to the problem answer (e.g. {@code remainingMinutes},
	 * {@code openItems}), so a client can act on it without parsing the message.
	 */
	public ConflictException with(String name, Object value) {
		this.properties.put(name, value);
		return this;
	}

	public java.util.Map<String, Object> properties() {
		return java.util.Collections.unmodifiableMap(this.properties);
	}

}
