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
 * Secure messages (issue 21). Each portal account holds its own conversation: the
 * patient's, and each guardian proxy's (a minor's messages are not their guardian's to
 * read, nor the other way round). A message from the portal opens a routine task for
 * their care team (prescriber, nurse and therapist on it), linked to the chart's Portal
 * tab; a reply by a clinician who may see the patient's clinical record closes those
 * tasks and e-mails the patient that a message waits, never what it says. No attachments
 * in this version; not for emergencies (every message page shows the crisis line).
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

	/**
	 * One conversation: the patient's own, or a guardian's (each proxy account has its
	 * own, and neither reads the other's).
	 *
	 * @param guardianAccountId null for the patient's own conversation
	 * @param with whom it is with, in words ("Patient", "Guardian (proxy): Ann Example,
	 * mother")
	 */
	public record Thread(UUID guardianAccountId, String with, List<PortalMessage> messages) {
	}

	/** The signed-in patient, or a guardian as proxy, writes to the care team. */
	@org.springframework.security.access.prepost.PreAuthorize("#who == principal")
	public PortalMessage fromPortal(PortalPrincipal who, String body) {
		String text = checked(body);
		UUID patientId = who.patientId();
		UUID id = insert(patientId, who.guardianAccountId(), "FROM_PATIENT", text, null);
		this.tasks.open(new NewTask(patientId, TaskPriority.ROUTINE, "PORTAL_MESSAGE",
				who.proxy() ? "Message from the guardian " + who.guardianName() + " in the portal"
						: "Message from the patient in the portal",
				null, SOURCE, id, true, null, Set.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST),
				"/patients/" + patientId + "/portal", "Read and reply"));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, SOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(who.proxy() ? "portal message from the guardian" : "portal message from the patient"));
		return read(patientId, who.guardianAccountId()).stream()
			.filter((m) -> m.id().equals(id))
			.findFirst()
			.orElseThrow();
	}

	/**
	 * A clinician replies in one conversation; its holder is e-mailed that a message
	 * waits.
	 * @param guardianAccountId the guardian's conversation, or null for the patient's own
	 */
	public PortalMessage reply(UUID patientId, UUID guardianAccountId, String body) {
		StaffMember user = this.access.requireClinical(patientId);
		String text = checked(body);
		if (guardianAccountId != null && this.jdbc.sql("""
				select count(*) from portal.account where id = ? and patient_id = ? and holder = 'GUARDIAN'""")
			.params(guardianAccountId, patientId)
			.query(Long.class)
			.single() == 0) {
			throw InvalidInputException.of("guardianAccountId", "a guardian's portal account of this patient");
		}
		UUID id = insert(patientId, guardianAccountId, "TO_PATIENT", text, user.id());
		Instant now = Instant.now(this.clock);
		List<UUID> answered = this.jdbc.sql("""
				update portal.message set replied_at = ?
				where patient_id = ? and guardian_account_id is not distinct from ? and direction = 'FROM_PATIENT'
				  and replied_at is null returning id""")
			.params(Timestamp.from(now), patientId, guardianAccountId)
			.query(UUID.class)
			.list();
		answered.forEach((message) -> this.tasks.completeBySource(SOURCE, message, user.id(), "Replied in the portal"));
		this.accounts.activeEmail(patientId, guardianAccountId)
			.ifPresent((email) -> this.outbox
				.enqueue(OutgoingMail.text("portal-reply:" + id, email, "A new message from your care team",
						"Your care team has replied to you in the patient portal. Sign in to read it: "
								+ this.urls.of("/portal/messages") + "\n\nThe portal is not for emergencies.")));
		this.audit.record(AuditEvent.of(AuditAction.CREATE, SOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail((guardianAccountId != null) ? "portal reply to the guardian" : "portal reply to the patient"));
		return read(patientId, guardianAccountId).stream().filter((m) -> m.id().equals(id)).findFirst().orElseThrow();
	}

	/** The signed-in person's own conversation, oldest first. */
	@Transactional(readOnly = true)
	@org.springframework.security.access.prepost.PreAuthorize("#who == principal")
	public List<PortalMessage> thread(PortalPrincipal who) {
		return read(who.patientId(), who.guardianAccountId());
	}

	/**
	 * How many of the care team's messages in the signed-in person's conversation they
	 * have not opened.
	 */
	@Transactional(readOnly = true)
	@org.springframework.security.access.prepost.PreAuthorize("#who == principal")
	public int unread(PortalPrincipal who) {
		return this.jdbc.sql("""
				select count(*) from portal.message where patient_id = ? and guardian_account_id is not distinct from ?
				and direction = 'TO_PATIENT' and read_at is null""")
			.params(who.patientId(), who.guardianAccountId())
			.query(Integer.class)
			.single();
	}

	/** The signed-in person has opened their conversation. */
	@org.springframework.security.access.prepost.PreAuthorize("#who == principal")
	public void markRead(PortalPrincipal who) {
		this.jdbc
			.sql("""
					update portal.message set read_at = ? where patient_id = ? and guardian_account_id is not distinct from ?
					and direction = 'TO_PATIENT' and read_at is null""")
			.params(Timestamp.from(Instant.now(this.clock)), who.patientId(), who.guardianAccountId())
			.update();
	}

	/**
	 * For staff: the patient's conversation and each guardian's, if they may see the
	 * patient's clinical record.
	 */
	// Read-write on purpose: the audit row goes into this transaction. Read-only, it
	// would
	// wait for the audit writer while holding a pooled connection (SelfReports.current).
	@Transactional
	public List<Thread> threadsForStaff(UUID patientId) {
		this.access.requireClinical(patientId);
		List<Thread> threads = new java.util.ArrayList<>();
		threads.add(new Thread(null, "Patient", read(patientId, null)));
		this.jdbc.sql("select * from portal.account where patient_id = ? and holder = 'GUARDIAN' order by invited_at")
			.param(patientId)
			.query(PortalAccount::of)
			.list()
			.forEach((guardian) -> threads
				.add(new Thread(guardian.id(), guardian.holderLabel(), read(patientId, guardian.id()))));
		this.audit.record(AuditEvent.of(AuditAction.READ, SOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("portal messages: " + threads.stream().mapToInt((t) -> t.messages().size()).sum()));
		return threads;
	}

	private List<PortalMessage> read(UUID patientId, UUID guardianAccountId) {
		List<Object[]> rows = this.jdbc.sql("""
				select m.id, m.direction, m.body, m.sent_at, m.sent_by, a.guardian_name
				from portal.message m left join portal.account a on a.id = m.guardian_account_id
				where m.patient_id = ? and m.guardian_account_id is not distinct from ? order by m.sent_at, m.id""")
			.params(patientId, guardianAccountId)
			.query((rs,
					n) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
							rs.getTimestamp(4).toInstant(), rs.getObject(5, UUID.class), rs.getString(6) })
			.list();
		Map<UUID, StaffMember> staff = this.directory
			.findAll(rows.stream().map((r) -> (UUID) r[4]).filter(java.util.Objects::nonNull).toList());
		return rows.stream().map((r) -> {
			boolean fromPatient = "FROM_PATIENT".equals(r[1]);
			StaffMember author = fromPatient ? null : staff.get((UUID) r[4]);
			String from = fromPatient ? ((r[5] != null) ? "Guardian: " + r[5] : "Patient")
					: "Care team" + ((author != null) ? ": " + author.displayName() : "");
			return new PortalMessage((UUID) r[0], patientId, fromPatient, (String) r[2], (Instant) r[3], from,
					SENT.format(((Instant) r[3]).atZone(this.clinicTime.timeZone())));
		}).toList();
	}

	private UUID insert(UUID patientId, UUID guardianAccountId, String direction, String body, UUID sentBy) {
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into portal.message (id, patient_id, guardian_account_id, direction, body, sent_at, sent_by)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, guardianAccountId, direction, body, Timestamp.from(Instant.now(this.clock)), sentBy)
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
