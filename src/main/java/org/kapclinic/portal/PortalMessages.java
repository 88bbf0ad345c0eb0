package org.kapclinic.portal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.notification.Outbox;
import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.PublicUrls;
import org.kapclinic.tasks.CareTasks;
import org.kapclinic.tasks.NewTask;
import org.kapclinic.tasks.TaskPriority;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Secure messages (issue 21). A patient's message opens a routine task for their care
 * team (prescriber, nurse and therapist on it), linked to the chart's Portal tab; a reply
 * by a clinician who may see the patient's clinical record closes those tasks and e-mails
 * the patient that a message waits, never what it says. No attachments in this version;
 * not for emergencies (every message page shows the crisis line).
 */
@Service
@Transactional
public class PortalMessages {

	static final String SOURCE = "PortalMessage";

	private static final int MAX_LENGTH = 4000;

	private static final java.time.format.DateTimeFormatter SENT = java.time.format.DateTimeFormatter
		.ofPattern("d MMM yyyy, HH:mm");

	private final JdbcClient jdbc;

	private final CareTasks tasks;

	private final CareTeamAccess access;

	private final UserDirectory directory;

	private final PortalAccounts accounts;

	private final Outbox outbox;

	private final PublicUrls urls;

	private final AuditTrail audit;

	private final Clock clock;

	private final org.kapclinic.shared.ClinicTime clinicTime;

	PortalMessages(JdbcClient jdbc, CareTasks tasks, CareTeamAccess access, UserDirectory directory,
			PortalAccounts accounts, Outbox outbox, PublicUrls urls, AuditTrail audit, Clock clock,
			org.kapclinic.shared.ClinicTime clinicTime) {
		this.clinicTime = clinicTime;
		this.jdbc = jdbc;
		this.tasks = tasks;
		this.access = access;
		this.directory = directory;
		this.accounts = accounts;
		this.outbox = outbox;
		this.urls = urls;
		this.audit = audit;
		this.clock = clock;
	}

	/** The signed-in patient writes to their care team. */
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.is(#patientId)")
	public PortalMessage fromPatient(UUID patientId, String body) {
		String text = checked(body);
		UUID id = insert(patientId, "FROM_PATIENT", text, null);
		this.tasks.open(
				new NewTask(patientId, TaskPriority.ROUTINE, "PORTAL_MESSAGE", "Message from the patient in the portal",
						null, SOURCE, id, true, null, Set.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST),
						"/patients/" + patientId + "/portal", "Read and reply"));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, SOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("portal message from the patient"));
		return thread(patientId).stream().filter((m) -> m.id().equals(id)).findFirst().orElseThrow();
	}

	/** A clinician replies; the patient is e-mailed that a message waits. */
	public PortalMessage reply(UUID patientId, String body) {
		StaffMember user = this.access.requireClinical(patientId);
		String text = checked(body);
		UUID id = insert(patientId, "TO_PATIENT", text, user.id());
		Instant now = Instant.now(this.clock);
		List<UUID> answered = this.jdbc.sql("""
				update portal.message set replied_at = ?
				where patient_id = ? and direction = 'FROM_PATIENT' and replied_at is null returning id""")
			.params(Timestamp.from(now), patientId)
			.query(UUID.class)
			.list();
		answered.forEach((message) -> this.tasks.completeBySource(SOURCE, message, user.id(), "Replied in the portal"));
		this.accounts.activeEmail(patientId)
			.ifPresent((email) -> this.outbox
				.enqueue(OutgoingMail.text("portal-reply:" + id, email, "A new message from your care team",
						"Your care team has replied to you in the patient portal. Sign in to read it: "
								+ this.urls.of("/portal/messages") + "\n\nThe portal is not for emergencies.")));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, SOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("portal reply to the patient"));
		return thread(patientId).stream().filter((m) -> m.id().equals(id)).findFirst().orElseThrow();
	}

	/** The conversation, oldest first (the caller has established who may read it). */
	@Transactional(readOnly = true)
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.is(#patientId)")
	public List<PortalMessage> thread(UUID patientId) {
		List<Object[]> rows = this.jdbc
			.sql("""
					select id, direction, body, sent_at, sent_by from portal.message where patient_id = ? order by sent_at, id""")
			.param(patientId)
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
							rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class) })
			.list();
		Map<UUID, StaffMember> staff = this.directory
			.findAll(rows.stream().map((r) -> (UUID) r[4]).filter(java.util.Objects::nonNull).toList());
		return rows.stream().map((r) -> {
			boolean fromPatient = "FROM_PATIENT".equals(r[1]);
			StaffMember author = fromPatient ? null : staff.get((UUID) r[4]);
			return new PortalMessage((UUID) r[0], patientId, fromPatient, (String) r[2], (Instant) r[3],
					fromPatient ? "Patient" : "Care team" + ((author != null) ? ": " + author.displayName() : ""),
					SENT.format(((Instant) r[3]).atZone(this.clinicTime.timeZone())));
		}).toList();
	}

	/** For staff: the conversation, if they may see the patient's clinical record. */
	@Transactional(readOnly = true)
	public List<PortalMessage> threadForStaff(UUID patientId) {
		this.access.requireClinical(patientId);
		List<PortalMessage> thread = thread(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, SOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("portal messages: " + thread.size()));
		return thread;
	}

	private UUID insert(UUID patientId, String direction, String body, UUID sentBy) {
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into portal.message (id, patient_id, direction, body, sent_at, sent_by) values (?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, direction, body, Timestamp.from(Instant.now(this.clock)), sentBy)
			.update();
		return id;
	}

	private static String checked(String body) {
		String text = (body == null) ? "" : body.strip();
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			throw InvalidInputException.of("body", "the message, 1–" + MAX_LENGTH + " characters");
		}
		return text;
	}

}
