package org.kapclinic.portal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/** A patient's portal account. */
public record PortalAccount(UUID id, UUID patientId, String email, PortalAccountStatus status) {

	static PortalAccount of(ResultSet rs, int row) throws SQLException {
		return new PortalAccount(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("email"), PortalAccountStatus.valueOf(rs.getString("status")));
	}

	public String statusLabel() {
		return this.status.label();
	}

	/** Whether staff may end its access (it has not ended). */
	public boolean revocable() {
		return this.status != PortalAccountStatus.REVOKED;
	}

}
