package org.kapclinic.shared;

/**
 * The caller edited a stale version of a record (optimistic locking); answered as 409.
 */
public class VersionConflictException extends RuntimeException {

	private final long currentVersion;

	public VersionConflictException(String resourceType, Object id, long currentVersion) {
		super(resourceType + " " + id + " was changed by someone else (current version " + currentVersion + ")");
		this.currentVersion = currentVersion;
	}

	public long currentVersion() {
		return this.currentVersion;
	}

}
