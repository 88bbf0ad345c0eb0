package org.kapclinic.notes;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * When the patient last sent an intention from their journal, for the portal's "what is
 * due" (issue 21): preparation asks for one before each dose.
 */
@Service
@Transactional(readOnly = true)
public class Intentions {

	private final JdbcClient jdbc;

	Intentions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Empty if the patient never sent one. */
	@PreAuthorize("@selfAccess.seesPrivate(#patientId)")
	public Optional<Instant> last(UUID patientId) {
		return this.jdbc.sql("""
				select max(submitted_at) from notes.journal_entry where patient_id = ? and kind = 'INTENTION'""")
			.param(patientId)
			.query((rs, n) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

}
