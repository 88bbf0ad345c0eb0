package org.kapclinic.measures;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.notification.Outbox;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.CrisisResources;
import org.kapclinic.shared.PublicUrls;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's side of self-reports: staff issue a link for some forms (handed over or
 * e-mailed), and the schedule runner e-mails one link per patient for the measures that
 * have fallen due. The patient's side (opening, drafts, submission) is
 * {@link SelfReports}.
 */
@Service
@Transactional
class SelfReportLinks {

	private final JdbcClient jdbc;

	private final PatientLinks links;

	private final Patients patients;

	private final CareTeamAccess access;

	private final InstrumentLibrary library;

	private final Outbox outbox;

	private final PublicUrls urls;

	private final CrisisResources crisis;

	private final ScheduleSettings settings;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	SelfReportLinks(JdbcClient jdbc, PatientLinks links, Patients patients, CareTeamAccess access,
			InstrumentLibrary library, Outbox outbox, PublicUrls urls, CrisisResources crisis,
			ScheduleSettings settings, AuditTrail audit, ClinicTime clinicTime, Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.patients = patients;
		this.access = access;
		this.library = library;
		this.outbox = outbox;
		this.urls = urls;
		this.crisis = crisis;
		this.settings = settings;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/**
	 * Staff issue a link for these forms; with {@code send} it is e-mailed to the patient
	 * (400 when no address is on file).
	 */
	public SelfReport.Issued issue(UUID patientId, List<String> instruments, boolean send) {
		StaffMember user = this.access.requireClinical(patientId);
		List<String> codes = forms(instruments);
		String email = null;
		if (send) {
			email = this.patients.email(patientId)
				.orElseThrow(() -> InvalidInputException.of("send",
						"no e-mail address on file for this patient; give them the link in person"));
		}
		return create(patientId, codes, user.id(), email);
	}

	/**
	 * Sends links for occurrences that have fallen due (one link per patient for all of
	 * them). Patients without an e-mail address are marked so the worklist says why no
	 * link went out.
	 * @return occurrences handled
	 */
	public int sendDue() {
		List<DueRow> due = this.jdbc.sql("""
				select d.id, d.patient_id, d.instrument from measures.due_measure d
				join measures.schedule s on s.id = d.schedule_id
				where d.status = 'OPEN' and d.sent_at is null and d.due_at <= ? and s.send_link
				order by d.due_at limit ? for update of d skip locked""")
			.params(Timestamp.from(Instant.now(this.clock)), this.settings.sendBatch())
			.query((rs, n) -> new DueRow(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					rs.getString("instrument")))
			.list();
		Map<UUID, List<DueRow>> byPatient = new LinkedHashMap<>();
		due.forEach((row) -> byPatient.computeIfAbsent(row.patientId(), (k) -> new ArrayList<>()).add(row));
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		for (Map.Entry<UUID, List<DueRow>> patient : byPatient.entrySet()) {
			UUID[] ids = patient.getValue().stream().map(DueRow::id).toArray(UUID[]::new);
			Optional<String> email = this.patients.email(patient.getKey());
			UUID reportId = null;
			if (email.isPresent()) {
				List<String> codes = List
					.copyOf(new LinkedHashSet<>(patient.getValue().stream().map(DueRow::instrument).toList()));
				reportId = create(patient.getKey(), codes, null, email.get()).id();
			}
			this.jdbc.sql("update measures.due_measure set sent_at = ?, self_report_id = ? where id = any(?)")
				.params(now, reportId, ids)
				.update();
		}
		return due.size();
	}

	/**
	 * A self-report for the patient portal: not e-mailed, created by nobody on staff.
	 * @return its link's id
	 */
	UUID forPortal(UUID patientId, List<String> codes) {
		UUID reportId = create(patientId, codes, null, null).id();
		return this.jdbc.sql("select link_id from measures.self_report where id = ?")
			.param(reportId)
			.query(UUID.class)
			.single();
	}

	private SelfReport.Issued create(UUID patientId, List<String> codes, UUID createdBy, String email) {
		PatientLinks.IssuedLink link = this.links.issue(patientId, SelfReports.PURPOSE, this.settings.linkValidity(),
				createdBy);
		UUID id = UUID.randomUUID();
		this.jdbc
			.sql("""
					insert into measures.self_report (id, patient_id, link_id, instruments, created_at, created_by, emailed_to)
					values (?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, link.id(), codes.toArray(String[]::new), Timestamp.from(Instant.now(this.clock)),
					createdBy, email)
			.update();
		String url = this.urls.of("/self-report/{token}", link.token());
		if (email != null) {
			this.outbox.enqueue(mail(id, patientId, email, url, link.expiresAt()));
		}
		this.audit.record(AuditEvent.of(AuditAction.CREATE, SelfReports.RESOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail(codes + ((email != null) ? " e-mailed" : " handed over")));
		return new SelfReport.Issued(id, codes, url, link.expiresAt(), email);
	}

	/**
	 * The message says no more than needed: no instrument names or scores (an e-mail may
	 * be read by others), the link, when it expires, and where to turn in a crisis.
	 */
	private OutgoingMail mail(UUID reportId, UUID patientId, String email, String url, Instant expiresAt) {
		PatientSummary patient = this.patients.summary(patientId)
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		ZoneId zone = this.clinicTime.timeZone();
		String expires = DateTimeFormatter.ofPattern("EEEE d MMMM, HH:mm").format(expiresAt.atZone(zone));
		String text = """
				Hello %s,

				Your care team asks you to fill in a short check-in questionnaire:

				%s

				You will be asked for your date of birth. The link works once and until %s.

				If you are thinking about harming yourself or are in crisis: %s. \
				In an emergency call %s.
				""".formatted(patient.displayName(), url, expires, this.crisis.crisisLine(),
				this.crisis.emergencyNumber());
		return new OutgoingMail("self-report:" + reportId, email, "Your check-in questionnaire", text, null, List.of());
	}

	private List<String> forms(List<String> instruments) {
		List<FieldProblem> problems = new ArrayList<>();
		LinkedHashSet<String> codes = new LinkedHashSet<>();
		for (String code : (instruments != null) ? instruments : List.<String>of()) {
			Optional<Instrument> instrument = this.library.find(code);
			if (instrument.isEmpty()) {
				problems.add(new FieldProblem("instruments", "unknown instrument '" + code + "'"));
			}
			else if (instrument.get().mode() != Instrument.Mode.FORM) {
				problems.add(new FieldProblem("instruments",
						instrument.get().code() + " is entered by a clinician and cannot be self-reported"));
			}
			else {
				codes.add(instrument.get().code());
			}
		}
		if (codes.isEmpty() && problems.isEmpty()) {
			problems.add(new FieldProblem("instruments", "name at least one form"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return List.copyOf(codes);
	}

	private record DueRow(UUID id, UUID patientId, String instrument) {
	}

}
