package org.kapclinic.notes;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Intentions and reflections: a clinician issues a single-use link (the shared
 * {@link PatientLinks} mechanics: expiry, date-of-birth check, lockout); the patient
 * writes on their phone, saved as they type, and submits once. Therapists see submitted
 * entries beside the next preparation or integration note.
 */
@Service
@Transactional
class Journal {

	static final String PURPOSE = "JOURNAL";

	static final String RESOURCE = "JournalEntry";

	static final List<String> KINDS = List.of("INTENTION", "REFLECTION");

	private final JdbcClient jdbc;

	private final PatientLinks links;

	private final NoteAccess access;

	private final NoteLimits limits;

	private final AuditTrail audit;

	private final Clock clock;

	private final Duration validity;

	private final String publicUrl;

	Journal(JdbcClient jdbc, PatientLinks links, NoteAccess access, NoteLimits limits, AuditTrail audit, Clock clock,
			@Value("${kap.notes.journal-link-validity:7d}") Duration validity,
			@Value("${kap.clinic.public-url:}") String publicUrl) {
		this.jdbc = jdbc;
		this.links = links;
		this.access = access;
		this.limits = limits;
		this.audit = audit;
		this.clock = clock;
		this.validity = validity;
		this.publicUrl = publicUrl;
	}

	/** A link for the patient to write one intention or reflection. */
	public Issued issue(UUID patientId, String kind) {
		StaffMember user = this.access.requireWriter(patientId);
		if (kind == null || !KINDS.contains(kind)) {
			throw InvalidInputException.of("kind", "one of " + KINDS);
		}
		PatientLinks.IssuedLink link = this.links.issue(patientId, PURPOSE, this.validity, user.id());
		UUID id = UUID.randomUUID();
		this.jdbc.sql("""
				insert into notes.journal_entry (id, patient_id, link_id, kind, created_at, created_by)
				values (?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, link.id(), kind, Timestamp.from(Instant.now(this.clock)), user.id())
			.update();
		this.audit
			.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id).patient(patientId).category(DataCategory.CLINICAL));
		return new Issued(id, kind, url(link.token()), link.expiresAt());
	}

	/** Submitted entries, newest first (for the chart and beside notes). */
	@Transactional(readOnly = true)
	public List<JournalEntry> entries(UUID patientId, int limit) {
		this.access.requireReader(patientId);
		this.audit
			.record(AuditEvent.of(AuditAction.READ, RESOURCE, null).patient(patientId).category(DataCategory.CLINICAL));
		return this.jdbc.sql("""
				select * from notes.journal_entry where patient_id = ? and submitted_at is not null
				order by submitted_at desc limit ?""").params(patientId, limit).query((rs, n) -> map(rs)).list();
	}

	/**
	 * The patient's own entries, newest first, for the patient portal (the caller has
	 * established that the signed-in patient is {@code patientId}).
	 */
	// Read-write on purpose: the audit row goes into this transaction. Read-only, it
	// would
	// wait for the audit writer while holding a pooled connection (SelfReports.current).
	@Transactional
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.seesPrivate(#patientId)")
	public List<JournalEntry> own(UUID patientId, int limit) {
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("own journal, portal"));
		return this.jdbc.sql("""
				select * from notes.journal_entry where patient_id = ? and submitted_at is not null
				order by submitted_at desc limit ?""").params(patientId, limit).query((rs, n) -> map(rs)).list();
	}

	/** An entry the patient writes and sends in the portal (no link). */
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.seesPrivate(#patientId)")
	public void writeFromPortal(UUID patientId, String kind, String text) {
		if (kind == null || !KINDS.contains(kind)) {
			throw InvalidInputException.of("kind", "an intention or a reflection");
		}
		String checked = this.limits.checkedText("text", text);
		if (checked.isBlank()) {
			throw InvalidInputException.of("text", "write a few words before sending");
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc.sql("""
				insert into notes.journal_entry (id, patient_id, kind, text, created_at, submitted_at, from_portal)
				values (?, ?, ?, ?, ?, ?, true)""").params(id, patientId, kind, checked, now, now).update();
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("submitted in the portal"));
	}

	@Transactional(readOnly = true)
	public Optional<OpenLink> open(String token) {
		return this.links.open(token, PURPOSE);
	}

	public boolean confirm(OpenLink link, LocalDate birthDate) {
		return this.links.confirm(link, birthDate);
	}

	@Transactional(readOnly = true)
	public PatientSummary patient(OpenLink link) {
		return this.links.patient(link);
	}

	/** The entry behind an open link (a patient read of their own draft). */
	public JournalEntry current(OpenLink link) {
		JournalEntry entry = this.jdbc.sql("select * from notes.journal_entry where link_id = ?")
			.param(link.id())
			.query((rs, n) -> map(rs))
			.single();
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, entry.id())
			.patient(link.patientId())
			.category(DataCategory.CLINICAL)
			.actor(PatientLinks.PATIENT_ACTOR));
		return entry;
	}

	/** Autosave while the patient types. */
	public void saveDraft(OpenLink link, String text) {
		String checked = this.limits.checkedText("text", text);
		this.jdbc.sql("update notes.journal_entry set text = ? where link_id = ? and submitted_at is null")
			.params(checked, link.id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, link.id())
			.patient(link.patientId())
			.category(DataCategory.CLINICAL)
			.actor(PatientLinks.PATIENT_ACTOR)
			.detail("draft"));
	}

	/** Submits the entry and closes the link (single use). */
	public void submit(OpenLink link, String text) {
		String checked = this.limits.checkedText("text", text);
		if (checked.isBlank()) {
			throw InvalidInputException.of("text", "write a few words before sending");
		}
		this.jdbc.sql("""
				update notes.journal_entry set text = ?, submitted_at = ? where link_id = ? and submitted_at is null""")
			.params(checked, Timestamp.from(Instant.now(this.clock)), link.id())
			.update();
		this.links.markUsed(link);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, link.id())
			.patient(link.patientId())
			.category(DataCategory.CLINICAL)
			.actor(PatientLinks.PATIENT_ACTOR)
			.detail("submitted"));
	}

	private String url(String token) {
		var base = this.publicUrl.isBlank() ? ServletUriComponentsBuilder.fromCurrentContextPath()
				: org.springframework.web.util.UriComponentsBuilder.fromUriString(this.publicUrl);
		return base.path("/journal/{token}").buildAndExpand(token).toUriString();
	}

	private static JournalEntry map(ResultSet rs) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		return new JournalEntry(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getString("kind"), rs.getString("text"), rs.getTimestamp("created_at").toInstant(),
				(submitted != null) ? submitted.toInstant() : null);
	}

	/** A new journal link: shown once. */
	public record Issued(UUID id, String kind, String url, Instant expiresAt) implements java.io.Serializable {
	}

}
