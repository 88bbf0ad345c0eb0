package org.kapclinic.audit;

/** How the audit report is ordered; ties fall back to the newest first. */
public enum AuditSort {

	NEWEST("Newest first", "e.id desc"), OLDEST("Oldest first", "e.id asc"),
	USER("By user", "lower(e.actor_name), e.id desc"), ACTION("By action", "e.action, e.id desc"),
	CATEGORY("By data category", "e.data_category, e.id desc");

	private final String label;

	private final String orderBy;

	AuditSort(String label, String orderBy) {
		this.label = label;
		this.orderBy = orderBy;
	}

	public String label() {
		return this.label;
	}

	String orderBy() {
		return this.orderBy;
	}

}
