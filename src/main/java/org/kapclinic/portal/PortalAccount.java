package org.kapclinic.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * A portal account: the patient's own, or a guardian's proxy account for a minor.
 *
 * @param guardianName for a proxy account, the guardian it was issued to (else null)
 */
public record PortalAccount(UUID id, UUID patientId, String email, PortalAccountStatus status,
		PortalAccountHolder holder, String guardianName, String guardianRelationship) {

	static PortalAccount of(ResultSet rs, int row) throws SQLException {
		return new PortalAccount(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("email"), PortalAccountStatus.valueOf(rs.getString("status")),
				PortalAccountHolder.valueOf(rs.getString("holder")), rs.getString("guardian_name"),
				rs.getString("guardian_relationship"));
	}

	public String statusLabel() {
		return this.status.label();
	}

	/** Whose account, in words: "Patient" or "Guardian (proxy): Ann Example, mother". */
	public String holderLabel() {
		return (this.holder == PortalAccountHolder.GUARDIAN)
				? this.holder.label() + ": " + this.guardianName
						+ ((this.guardianRelationship == null) ? "" : ", " + this.guardianRelationship)
				: this.holder.label();
	}

	/** Whether staff may end its access (it has not ended). */
	public boolean revocable() {
		return this.status != PortalAccountStatus.REVOKED;
	}

}
