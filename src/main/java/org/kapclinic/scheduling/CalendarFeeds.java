package org.kapclinic.scheduling;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.AccessEnded;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.Secrets;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A staff member's own calendar as an ICS feed behind a secret URL (calendar apps cannot
 * sign in). The token is stored as SHA-256 and replaced when a new one is made. A feed
 * leaves the clinic's systems, so events carry the type, place and MRN, never the
 * patient's name; every fetch is audited, one row per patient in it. The address stops
 * working after {@code kap.scheduling.feed-validity} and when the account's access ends
 * (deactivation, password reset: {@link AccessEnded}).
 */
@Service
@Transactional
class CalendarFeeds {

	private static final Duration PAST = Duration.ofDays(30);

	private static final Duration AHEAD = Duration.ofDays(180);

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AppointmentRows appointments;

	private final ClinicResources resources;

	private final Patients patients;

	private final AuditTrail audit;

	private final Clock clock;

	private final SchedulingSettings settings;

	CalendarFeeds(JdbcClient jdbc, CurrentUser currentUser, AppointmentRows appointments, ClinicResources resources,
			Patients patients, AuditTrail audit, Clock clock, SchedulingSettings settings) {
		this.settings = settings;
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.appointments = appointments;
		this.resources = resources;
		this.patients = patients;
		this.audit = audit;
		this.clock = clock;
	}

	/** A new feed token for the signed-in user (the old one stops working). */
	public String renew() {
		StaffMember user = this.currentUser.require();
		String token = Secrets.newToken();
		this.jdbc
			.sql("""
					insert into scheduling.calendar_feed (user_id, token_hash, created_at) values (?, ?, ?)
					on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = excluded.created_at""")
			.params(user.id(), Secrets.sha256Hex(token), Timestamp.from(Instant.now(this.clock)))
			.update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "CalendarFeed", user.id()).category(DataCategory.SECURITY));
		return token;
	}

	/** The feed for a token, if it is one. */
	public Optional<String> feed(String token) {
		if (token == null || token.length() > 100) {
			return Optional.empty();
		}
		Instant now = Instant.now(this.clock);
		Optional<UUID> userId = this.jdbc
			.sql("select user_id from scheduling.calendar_feed where token_hash = ? and created_at > ?")
			.params(Secrets.sha256Hex(token), Timestamp.from(now.minus(this.settings.feedValidity())))
			.query(UUID.class)
			.optional();
		if (userId.isEmpty()) {
			return Optional.empty();
		}
		List<Appointment> booked = this.appointments.forStaff(userId.get(), now.minus(PAST), now.plus(AHEAD));
		Map<UUID, Patients.PatientName> names = this.patients
			.names(booked.stream().map(Appointment::patientId).toList());
		Map<UUID, String> rooms = this.resources.names();
		List<CalendarFiles.Event> events = new ArrayList<>();
		for (Appointment appointment : booked) {
			Patients.PatientName name = names.get(appointment.patientId());
			String where = (appointment.telehealthLink() != null) ? "Telehealth" : rooms.get(appointment.roomId());
			events.add(new CalendarFiles.Event(appointment,
					appointment.typeLabel() + " · " + ((name != null) ? name.mrn() : "?"), where, null));
		}
		// One row for the fetch naming every patient whose appointment left the clinic's
		// systems (ONC 170.315(d)(2)).
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, "CalendarFeed", userId.get())
			.category(DataCategory.DEMOGRAPHICS)
			.actor("calendar feed of " + userId.get())
			.patients(booked.stream().map(Appointment::patientId).toList())
			.detail(events.size() + " events"));
		return Optional.of(CalendarFiles.calendar(events));
	}

	/** The account's feed stops working with its access. */
	@EventListener
	void accessEnded(AccessEnded ended) {
		if (ended.reason().credentialsEnd()) {
			this.jdbc.sql("delete from scheduling.calendar_feed where user_id = ?").param(ended.userId()).update();
		}
	}

}
