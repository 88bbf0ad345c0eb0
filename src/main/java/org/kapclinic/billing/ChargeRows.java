package org.kapclinic.billing;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.UUID;

/** Reads a {@code billing.charge} row. */
final class ChargeRows {

	private ChargeRows() {
	}

	static Charge of(ResultSet rs, int n) throws SQLException {
		return new Charge(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("source_kind"), rs.getObject("source_id", UUID.class),
				rs.getObject("service_date", LocalDate.class), rs.getString("code_system"), rs.getString("code"),
				FeeSchedules.strings(rs.getArray("modifiers")), rs.getString("description"), rs.getInt("units"),
				rs.getLong("unit_price_minor"), rs.getLong("amount_minor"), rs.getString("currency"),
				FeeSchedules.strings(rs.getArray("diagnoses")), rs.getObject("rendering_clinician", UUID.class),
				rs.getInt("fee_schedule_version"), rs.getString("basis"), ChargeStatus.valueOf(rs.getString("status")),
				rs.getString("void_reason"), rs.getObject("invoice_id", UUID.class));
	}

}
