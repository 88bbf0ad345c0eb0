package org.kapclinic.portal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.UUID;

import org.kapclinic.dosing.SessionDischarged;
import org.kapclinic.intake.Program;
import org.kapclinic.shared.ClinicTime;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * After-visit instructions (issue 21): every discharged dosing session gives the patient
 * the clinic's instructions for the rest of the day ({@code kap.portal.after-visit}) with
 * the session's date and program, on the portal's home for a day and on the after-visit
 * page after that. Recorded in the discharge's transaction, so no discharge goes without.
 */
@Service
class AfterVisits {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEEE d MMMM yyyy, HH:mm");

	/** How long the home page shows the latest instructions. */
	static final Duration ON_HOME = Duration.ofHours(24);

	/** One session's instructions as the patient reads them. */
	record AfterVisit(String programLabel, String when, Instant dischargedAt, List<String> instructions) {
	}

	private final JdbcClient jdbc;

	private final PortalSettings settings;

	private final ClinicTime clinicTime;

	AfterVisits(JdbcClient jdbc, PortalSettings settings, ClinicTime clinicTime) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clinicTime = clinicTime;
	}

	@EventListener
	void discharged(SessionDischarged discharged) {
		this.jdbc.sql("""
				insert into portal.after_visit (session_id, patient_id, program, discharged_at) values (?, ?, ?, ?)
				on conflict (session_id) do nothing""")
			.params(discharged.sessionId(), discharged.patientId(), discharged.program(),
					Timestamp.from(discharged.dischargedAt()))
			.update();
	}

	/** The patient's after-visit instructions, newest first. */
	@Transactional(readOnly = true)
	@PreAuthorize("@selfAccess.is(#patientId)")
	public List<AfterVisit> of(UUID patientId) {
		ZoneId zone = this.clinicTime.timeZone();
		return this.jdbc
			.sql("select program, discharged_at from portal.after_visit where patient_id = ? "
					+ "order by discharged_at desc limit 100")
			.param(patientId)
			.query((rs, n) -> {
				Instant at = rs.getTimestamp(2).toInstant();
				return new AfterVisit(Program.labelOf(rs.getString(1)), WHEN.format(at.atZone(zone)), at,
						this.settings.afterVisit());
			})
			.list();
	}

}
