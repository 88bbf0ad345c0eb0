package org.kapclinic.measures;

import java.util.List;
import java.util.UUID;

import org.kapclinic.patient.ChartAlert;
import org.kapclinic.patient.ChartAlerts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Puts an open suicide-risk flag across the top of the chart until a clinician closes it.
 */
@Component
class RiskFlagAlerts implements ChartAlerts {

	private final JdbcClient jdbc;

	RiskFlagAlerts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Called only for users the chart lets see clinical content; the chart read is
	 * audited.
	 */
	@Override
	public List<ChartAlert> alertsFor(UUID patientId) {
		return this.jdbc
			.sql("""
					select code, detail from measures.risk_flag where patient_id = ? and closed_at is null order by raised_at""")
			.param(patientId)
			.query((rs, n) -> new ChartAlert("danger",
					"Open " + rs.getString("code") + " flag: " + rs.getString("detail")
							+ (RiskFlags.SUICIDE_RISK.equals(rs.getString("code")) ? ". See the patient today;" : ";")
							+ " closing needs a documented assessment and plan.",
					"/patients/" + patientId + "/measures"))
			.list();
	}

}
