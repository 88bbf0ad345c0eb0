package org.kapclinic.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * How audit rows are selected and mapped, shared by sealing, verification and queries.
 */
final class AuditRows {

	static final String COLUMNS = """
			e.id, e.occurred_at, e.actor_id, e.actor_name, e.actor_roles, e.action, e.resource_type,
			e.resource_id, e.patient_id, e.data_category, e.outcome, e.client_address, e.channel, e.detail,
			e.patient_ids""";

	private AuditRows() {
	}

	static AuditEntry map(ResultSet rs) throws SQLException {
		return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toInstant(),
				rs.getObject("actor_id", UUID.class), rs.getString("actor_name"), rs.getString("actor_roles"),
				rs.getString("action"), rs.getString("resource_type"), rs.getString("resource_id"),
				rs.getObject("patient_id", UUID.class), rs.getString("data_category"), rs.getString("outcome"),
				rs.getString("client_address"), rs.getString("channel"), rs.getString("detail"),
				patientIds(rs.getArray("patient_ids")));
	}

	private static List<UUID> patientIds(java.sql.Array array) throws SQLException {
		return (array == null) ? null : Arrays.asList((UUID[]) array.getArray());
	}

}
