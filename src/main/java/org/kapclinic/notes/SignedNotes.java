package org.kapclinic.notes;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.PdfDocuments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A patient's signed clinical notes for other systems (FHIR DocumentReference): signed or
 * locked, not voided, and never a private process note, not even to its author
 * (psychotherapy notes in the HIPAA sense never leave the chart: 45 CFR 164.501,
 * security.md 2b). Read under the chart's clinical access rule and audited as
 * {@link Notes} reads are; a draft, voided or private note reads as absent (404).
 */
@Service
@Transactional(readOnly = true)
public class SignedNotes {

	private final JdbcClient jdbc;

	private final NoteRows rows;

	private final NoteAccess access;

	private final NoteTemplates templates;

	private final AuditTrail audit;

	private final PdfDocuments pdf;

	private final Patients patients;

	SignedNotes(JdbcClient jdbc, NoteRows rows, NoteAccess access, NoteTemplates templates, AuditTrail audit,
			PdfDocuments pdf, Patients patients) {
		this.pdf = pdf;
		this.patients = patients;
		this.jdbc = jdbc;
		this.rows = rows;
		this.access = access;
		this.templates = templates;
		this.audit = audit;
	}

	/**
	 * One signed note as a document.
	 *
	 * @param type the note type's code (e.g. {@code PROGRESS_SOAP})
	 * @param locked signed and locked (false: awaiting a supervisor's co-signature)
	 * @param amended signed addenda follow the note
	 * @param contentHash the SHA-256 fixed at signing
	 * @param dosingSessionId the dosing session a DOSING_SESSION note is about, or null
	 * @param text the note as plain text: its heading, each template field under its
	 * label, then the signed addenda
	 */
	public record SignedNote(UUID id, UUID patientId, String type, String typeLabel, LocalDate noteDate, UUID authorId,
			String authorName, Instant signedAt, boolean locked, boolean amended, String contentHash,
			UUID dosingSessionId, String text) {
	}

	/** The patient's signed notes, newest note date first. */
	public List<SignedNote> ofPatient(UUID patientId) {
		this.access.requireReader(patientId);
		List<NoteRows.Row> found = this.jdbc.sql("""
				select * from notes.note where patient_id = ? and not private_process and voided_at is null
				  and status in ('SIGNED', 'LOCKED')
				order by note_date desc, created_at desc""")
			.param(patientId)
			.query((rs, n) -> this.rows.map(rs))
			.list();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, NoteAccess.RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("signed notes results=" + found.size()));
		return this.rows.views(found).stream().map(this::document).toList();
	}

	/** One signed note of a patient the user may see (404 otherwise). */
	public SignedNote read(UUID noteId) {
		NoteRows.Row row = this.rows.require(noteId);
		if (row.patientId() == null) {
			throw new NotFoundException(NoteAccess.RESOURCE, noteId);
		}
		this.access.requireReader(row.patientId());
		if (row.privateProcess()) {
			throw this.access.hidden(noteId, row.patientId(), true);
		}
		if (row.voidedAt() != null || row.status() == NoteStatus.DRAFT) {
			throw new NotFoundException(NoteAccess.RESOURCE, noteId);
		}
		this.audit.record(AuditEvent.of(AuditAction.READ, NoteAccess.RESOURCE, noteId)
			.patient(row.patientId())
			.category(DataCategory.CLINICAL)
			.detail("signed note as a document"));
		return document(this.rows.view(row, false));
	}

	/**
	 * One signed note as a PDF: its document text (the same as {@link SignedNote#text()})
	 * under a heading naming the patient, with the content hash fixed at signing. Read,
	 * checked and audited as {@link #read} is.
	 */
	public byte[] pdf(UUID noteId) {
		SignedNote note = read(noteId);
		String patient = this.patients.summary(note.patientId())
			.map((p) -> p.displayName() + " · " + p.mrn() + " · born " + p.birthDate())
			.orElse("");
		return this.pdf.render("notes/note-pdf", Map.of("note", note, "patient", patient));
	}

	private SignedNote document(Note note) {
		NoteTemplate template = this.templates.version(note.type(), note.templateVersion());
		StringBuilder text = new StringBuilder();
		text.append(note.type().label()).append(" — ").append(note.noteDate()).append('\n');
		text.append("Signed by ").append(note.authorName()).append(" at ").append(note.signedAt()).append("\n");
		for (NoteTemplate.Field field : template.fields()) {
			String value = note.body().get(field.key());
			if (value != null && !value.isBlank()) {
				text.append('\n').append(field.label()).append(":\n").append(value.strip()).append('\n');
			}
		}
		for (Note.Addendum addendum : note.addenda()) {
			text.append("\nAddendum by ")
				.append(addendum.authorName())
				.append(" at ")
				.append(addendum.signedAt())
				.append(":\n")
				.append(addendum.body().strip())
				.append('\n');
		}
		return new SignedNote(note.id(), note.patientId(), note.type().name(), note.type().label(), note.noteDate(),
				note.authorId(), note.authorName(), note.signedAt(), note.status() == NoteStatus.LOCKED,
				!note.addenda().isEmpty(), note.contentHash(), note.dosingSessionId(), text.toString());
	}

}
