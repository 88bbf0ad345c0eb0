package org.kapclinic.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.Patients;
import org.kapclinic.patient.Patients.PatientName;
import org.kapclinic.scheduling.GroupSessions;
import org.kapclinic.scheduling.GroupSessions.GroupSession;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Group integration circles: attendance per member, one shared GROUP note (it belongs to
 * the circle, not to any chart, and is read only by those who may see every member), and
 * a short entry per attending member filed to that member's own chart. A member's chart
 * never carries another member's name: an entry naming another member of the circle is
 * refused (confidentiality of group members, the clinic's duty to each of them).
 */
@Service
@Transactional
class GroupNotes {

	private final JdbcClient jdbc;

	private final GroupSessions groups;

	private final NoteAccess access;

	private final Notes notes;

	private final Patients patients;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	GroupNotes(JdbcClient jdbc, GroupSessions groups, NoteAccess access, Notes notes, Patients patients,
			AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.groups = groups;
		this.access = access;
		this.notes = notes;
		this.patients = patients;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/** The facilitator's view: members with names and attendance, and the shared note. */
	@Transactional(readOnly = true)
	public Circle circle(UUID groupId) {
		GroupSession session = session(groupId);
		this.access.requireGroupReader(groupId);
		this.audit.record(AuditEvent.of(AuditAction.READ, "GroupSession", groupId).category(DataCategory.CLINICAL));
		return view(session);
	}

	/** Records attendance for members of the circle (replacing earlier marks). */
	public Circle recordAttendance(UUID groupId, Map<UUID, String> attendance) {
		GroupSession session = session(groupId);
		StaffMember user = this.access.requireGroupReader(groupId);
		requireClinician(user, groupId);
		Set<UUID> members = memberIds(groupId);
		for (Map.Entry<UUID, String> mark : attendance.entrySet()) {
			if (!members.contains(mark.getKey())) {
				throw InvalidInputException.of("attendance", mark.getKey() + " is not a member of this circle");
			}
			if (Attendance.of(mark.getValue()) == null) {
				throw InvalidInputException.of("attendance",
						"status is one of " + java.util.Arrays.toString(Attendance.values()));
			}
		}
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		for (Map.Entry<UUID, String> mark : attendance.entrySet()) {
			this.jdbc.sql("""
					insert into notes.group_attendance (group_id, patient_id, status, recorded_at, recorded_by)
					values (?, ?, ?, ?, ?)
					on conflict (group_id, patient_id) do update set status = excluded.status,
					    recorded_at = excluded.recorded_at, recorded_by = excluded.recorded_by""")
				.params(groupId, mark.getKey(), mark.getValue(), now, user.id())
				.update();
			this.audit.record(AuditEvent.of(AuditAction.UPDATE, "GroupAttendance", groupId)
				.patient(mark.getKey())
				.category(DataCategory.CLINICAL)
				.detail(mark.getValue()));
		}
		return view(session);
	}

	/**
	 * Starts the circle's shared note (a draft; then edited and signed like any note).
	 */
	public Note startNote(UUID groupId, Map<String, String> body) {
		GroupSession session = session(groupId);
		StaffMember user = this.access.requireGroupReader(groupId);
		requireClinician(user, groupId);
		if (sharedNote(groupId).isPresent()) {
			throw new org.kapclinic.shared.ConflictException("This circle already has its note.", "Note",
					sharedNote(groupId).get());
		}
		LocalDate date = session.start().atZone(this.clinicTime.timeZone()).toLocalDate();
		LocalDate today = this.clinicTime.today(this.clock);
		return this.notes.insert(user, null,
				new NewNote(NoteType.GROUP, body, date.isAfter(today) ? today : date, false, null), groupId);
	}

	/**
	 * Files a short, signed entry to one attending member's chart. Refused (422) when it
	 * names another member of the circle; only for someone who may read every member's
	 * chart, or the "names another member" answer would let a writer probe the names of
	 * members they may not see (issue 16 finding 6).
	 */
	public Note fileMemberEntry(UUID groupId, UUID patientId, String text) {
		GroupSession session = session(groupId);
		this.access.requireGroupReader(groupId);
		StaffMember user = this.access.requireWriter(patientId);
		if (!memberIds(groupId).contains(patientId)) {
			throw new NotFoundException("GroupMember", patientId);
		}
		Attendance status = Attendance.of(attendance(groupId).get(patientId));
		if (status == null || !status.present()) {
			throw new RuleViolationException("Record the member's attendance first; entries go to attending members.",
					List.of("NOT_ATTENDED"));
		}
		if (text == null || text.isBlank()) {
			throw InvalidInputException.of("body", "write the member's entry");
		}
		List<String> named = otherMembersNamed(groupId, patientId, text);
		if (!named.isEmpty()) {
			throw new RuleViolationException(
					"A member's entry must not name other members of the circle (it is filed to this member's chart).",
					List.of("NAMES_OTHER_MEMBER"));
		}
		LocalDate date = session.start().atZone(this.clinicTime.timeZone()).toLocalDate();
		LocalDate today = this.clinicTime.today(this.clock);
		Note draft = this.notes.insert(user, patientId, new NewNote(NoteType.GROUP, Map.of("memberAddendum", text),
				date.isAfter(today) ? today : date, false, null), groupId);
		return this.notes.sign(draft.id());
	}

	private List<String> otherMembersNamed(UUID groupId, UUID patientId, String text) {
		List<UUID> others = memberIds(groupId).stream().filter((id) -> !id.equals(patientId)).toList();
		Map<UUID, PatientName> names = this.patients.names(others);
		String lower = text.toLowerCase(Locale.ROOT);
		List<String> found = new ArrayList<>();
		for (PatientName name : names.values()) {
			List<String> words = new ArrayList<>(List.of(name.displayName().split("\\s+")));
			words.add(name.mrn());
			for (String word : words) {
				if (word.length() >= 3 && Pattern
					.compile(
							"(?<![\\p{L}\\p{N}])" + Pattern.quote(word.toLowerCase(Locale.ROOT)) + "(?![\\p{L}\\p{N}])")
					.matcher(lower)
					.find()) {
					found.add(word);
				}
			}
		}
		return found;
	}

	private void requireClinician(StaffMember user, UUID groupId) {
		if (!NoteAccess.writes(user)) {
			throw this.access.refuse(null, null, false, AuditAction.UPDATE, "only clinicians document a circle");
		}
	}

	private GroupSession session(UUID groupId) {
		return this.groups.find(groupId).orElseThrow(() -> new NotFoundException("GroupSession", groupId));
	}

	private Set<UUID> memberIds(UUID groupId) {
		Set<UUID> ids = new java.util.LinkedHashSet<>();
		this.groups.members(groupId).forEach((m) -> ids.add(m.patientId()));
		return ids;
	}

	private Map<UUID, String> attendance(UUID groupId) {
		Map<UUID, String> marks = new HashMap<>();
		this.jdbc.sql("select patient_id, status from notes.group_attendance where group_id = ?")
			.param(groupId)
			.query((rs, n) -> marks.put(rs.getObject("patient_id", UUID.class), rs.getString("status")))
			.list();
		return marks;
	}

	/** Each member's latest entry from this circle (not voided). */
	private Map<UUID, UUID> entries(UUID groupId) {
		Map<UUID, UUID> entries = new HashMap<>();
		this.jdbc.sql("""
				select distinct on (patient_id) patient_id, id from notes.note
				where group_id = ? and patient_id is not null and voided_at is null
				order by patient_id, created_at desc""")
			.param(groupId)
			.query((rs, n) -> entries.put(rs.getObject("patient_id", UUID.class), rs.getObject("id", UUID.class)))
			.list();
		return entries;
	}

	private Optional<UUID> sharedNote(UUID groupId) {
		return this.jdbc
			.sql("select id from notes.note where group_id = ? and patient_id is null and voided_at is null")
			.param(groupId)
			.query(UUID.class)
			.optional();
	}

	private Circle view(GroupSession session) {
		Map<UUID, String> marks = attendance(session.id());
		Set<UUID> members = memberIds(session.id());
		Map<UUID, PatientName> names = this.patients.names(members);
		Map<UUID, UUID> entries = entries(session.id());
		List<Circle.Member> list = members.stream()
			.map((id) -> new Circle.Member(id, names.containsKey(id) ? names.get(id).displayName() : null,
					marks.get(id), entries.get(id)))
			.toList();
		return new Circle(session.id(), session.start(), session.end(), session.capacity(), list,
				sharedNote(session.id()).orElse(null));
	}

	/** A circle as its facilitator sees it. */
	public record Circle(UUID groupId, Instant start, Instant end, int capacity, List<Member> members, UUID noteId) {

		/** Whether any member attended, so entries can be written. */
		public boolean anyPresent() {
			return this.members.stream().anyMatch(Member::present);
		}

		/**
		 * A member, their attendance (null until recorded) and the entry filed to their
		 * chart (the latest; null when none).
		 */
		public record Member(UUID patientId, String name, String attendance, UUID entryId) {

			/** The attendance in words; empty until recorded. */
			public String attendanceLabel() {
				Attendance value = Attendance.of(this.attendance);
				return (value != null) ? value.label() : "";
			}

			/** Attended, even in part: an entry may be filed to their chart. */
			public boolean present() {
				Attendance value = Attendance.of(this.attendance);
				return value != null && value.present();
			}

			/** Whether this is the recorded attendance (the form's checked radio). */
			public boolean marked(Attendance value) {
				return value == Attendance.of(this.attendance);
			}

		}

	}

}
