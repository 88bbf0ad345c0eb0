package org.kapclinic.shared;

/**
 * A record does not exist, or the caller may not know that it exists (answered as 404 so
 * that access checks do not leak which ids are real).
 */
public class NotFoundException extends RuntimeException {

	private final String resourceType;

	public NotFoundException(String resourceType, Object id) {
		super(resourceType + " " + id + " not found");
		this.resourceType = resourceType;
	}

	public String resourceType() {
		return this.resourceType;
	}

}
