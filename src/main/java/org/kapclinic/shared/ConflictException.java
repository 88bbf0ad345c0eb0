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

}
