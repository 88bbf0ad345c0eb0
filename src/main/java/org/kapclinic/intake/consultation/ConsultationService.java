package org.kapclinic.intake.consultation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.Address;
import org.kapclinic.patient.PatientDetails;
import org.kapclinic.patient.PatientView;
import org.kapclinic.patient.Patients;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.Paging;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.kapclinic.shared.TooManyRequestsException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Consultation requests: received from the public page, triaged by staff, converted into
 * a patient record (pre-filled, nothing typed is lost) or declined with a reason.
 */
@Service
@Transactional
class ConsultationService {

	private static final String RESOURCE = "ConsultationRequest";

	private static final String SELECT = "select * from intake.consultation_request";

	private final JdbcClient jdbc;

	private final SubmissionLimiter limiter;

	private final ConsultationSettings settings;

	private final Patients patients;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	ConsultationService(JdbcClient jdbc, SubmissionLimiter limiter, ConsultationSettings settings, Patients patients,
			CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.limiter = limiter;
		this.settings = settings;
		this.patients = patients;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Stores a request from the public page, flagged when it names suicidal thoughts. The
	 * answer is the same whatever happens to it (stored, or dropped as a bot's), and it
	 * never says whether the person is a patient.
	 * @return whether the request names suicidal thoughts (the page then shows the crisis
	 * notice first)
	 */
	public boolean submit(ConsultationRequestForm form, String clientAddress) {
		if (!this.limiter.tryAcquire(clientAddress)) {
			throw new TooManyRequestsException(
					"Too many requests from your connection; please try again later or " + "call the clinic.",
					this.settings.window());
		}
		boolean flagged = SuicideRisk.named(form);
		if (form.website() != null && !form.website().isBlank()) {
			return flagged;
		}
		UUID id = UUID.randomUUID();
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc
			.sql("""
					insert into intake.consultation_request (id, given_name, family_name, birth_date, email, phone, concerns,
					    other_concern, preferred_contact_times, message, status, received_at, client_address, updated_at,
					    safety_flag)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NEW', ?, ?, ?, ?)""")
			.params(id, form.givenName().trim(), form.familyName().trim(), form.birthDate(), blankToNull(form.email()),
					blankToNull(form.phone()),
					form.concerns().stream().map(Enum::name).distinct().toArray(String[]::new),
					blankToNull(form.otherConcern()), blankToNull(form.preferredContactTimes()),
					blankToNull(form.message()), now, clientAddress, now, flagged)
			.update();
		event(id, ConsultationStatus.NEW, null, null, now);
		this.audit.record(AuditEvent.of(AuditAction.CREATE, RESOURCE, id)
			.category(DataCategory.DEMOGRAPHICS)
			.actor("public consultation page")
			.detail(flagged ? "flagged: names suicidal thoughts" : null));
		return flagged;
	}

	/**
	 * Whether the signed-in user works the triage queue
	 * ({@code kap.consultation.triage-roles}).
	 */
	public boolean triages(StaffMember user) {
		return this.settings.triages(user);
	}

	private StaffMember requireTriage() {
		StaffMember user = this.currentUser.require();
		if (!this.settings.triages(user)) {
			throw new AccessDeniedException("Consultation requests are read by the clinic's triage roles only");
		}
		return user;
	}

	/**
	 * The triage queue: open requests, flagged ones (suicidal thoughts) first, then
	 * oldest first; or all of one status, flagged first, then newest first.
	 */
	@PreAuthorize("isAuthenticated()")
	@Transactional(readOnly = true)
	public List<ConsultationRequest> list(ConsultationStatus status, int page, int size) {
		Paging.check(page, size);
		requireTriage();
		List<ConsultationRequest> requests = (status == null)
				? this.jdbc
					.sql(SELECT
							+ " where status not in ('CONVERTED', 'DECLINED') order by safety_flag desc, received_at"
							+ " limit ? offset ?")
					.params(size, page * size)
					.query((rs, n) -> map(rs))
					.list()
				: this.jdbc
					.sql(SELECT + " where status = ? order by safety_flag desc, received_at desc limit ? offset ?")
					.params(status.name(), size, page * size)
					.query((rs, n) -> map(rs))
					.list();
		this.audit.record(AuditEvent.of(AuditAction.QUERY, RESOURCE, null)
			.category(DataCategory.DEMOGRAPHICS)
			.detail("status=" + status + " results=" + requests.size()));
		return requests;
	}

	@PreAuthorize("isAuthenticated()")
	public ConsultationRequest changeStatus(UUID id, ConsultationStatus status, String reason) {
		StaffMember user = requireTriage();
		ConsultationRequest request = load(id);
		if (status == ConsultationStatus.CONVERTED) {
			throw InvalidInputException.of("status", "convert the request to create the patient record");
		}
		if (!request.status().next().contains(status)) {
			throw new RuleViolationException("A request marked \"" + request.status().label() + "\" cannot be marked \""
					+ status.label() + "\".", List.of("ALLOWED: " + request.status().next()));
		}
		if (status == ConsultationStatus.DECLINED && (reason == null || reason.isBlank())) {
			throw InvalidInputException.of("reason", "give the reason for declining");
		}
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc
			.sql("update intake.consultation_request set status = ?, status_reason = ?, updated_at = ? where id = ?")
			.params(status.name(), blankToNull(reason), now, id)
			.update();
		event(id, status, reason, user, now);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.category(DataCategory.DEMOGRAPHICS)
			.detail(request.status() + " -> " + status));
		return load(id);
	}

	/**
	 * Creates the patient record from the request (same rules as registration, including
	 * the duplicate check: {@code confirmDuplicate} registers a different person anyway)
	 * and links it.
	 */
	@PreAuthorize("isAuthenticated()")
	public PatientView convert(UUID id, boolean confirmDuplicate) {
		StaffMember user = requireTriage();
		ConsultationRequest request = load(id);
		if (!request.status().open()) {
			throw new RuleViolationException("This request is already closed: " + request.status().label() + ".",
					List.of(request.status().name()));
		}
		PatientView patient = this.patients.register(new PatientDetails(request.givenName(), request.familyName(), null,
				null, request.birthDate(), null, null, request.phone(), request.email(),
				new Address(null, null, null, null, null, null), null, null, null, List.of(), null, confirmDuplicate));
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		this.jdbc.sql("""
				update intake.consultation_request set status = 'CONVERTED', patient_id = ?, updated_at = ?
				where id = ?""").params(patient.id(), now, id).update();
		event(id, ConsultationStatus.CONVERTED, null, user, now);
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, RESOURCE, id)
			.patient(patient.id())
			.category(DataCategory.DEMOGRAPHICS)
			.detail("converted to patient " + patient.mrn()));
		return patient;
	}

	private ConsultationRequest load(UUID id) {
		return this.jdbc.sql(SELECT + " where id = ? for update")
			.param(id)
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, id));
	}

	private void event(UUID id, ConsultationStatus status, String reason, StaffMember user, Timestamp at) {
		this.jdbc.sql(
				"insert into intake.consultation_event (request_id, status, reason, at, by_user) values (?, ?, ?, ?, ?)")
			.params(id, status.name(), blankToNull(reason), at, (user != null) ? user.id() : null)
			.update();
	}

	private static ConsultationRequest map(ResultSet rs) throws SQLException {
		String[] concerns = (String[]) rs.getArray("concerns").getArray();
		return new ConsultationRequest(rs.getObject("id", UUID.class), rs.getString("given_name"),
				rs.getString("family_name"), rs.getObject("birth_date", java.time.LocalDate.class),
				rs.getString("email"), rs.getString("phone"), Arrays.stream(concerns).map(Concern::valueOf).toList(),
				rs.getString("other_concern"), rs.getString("preferred_contact_times"), rs.getString("message"),
				ConsultationStatus.valueOf(rs.getString("status")), rs.getString("status_reason"),
				rs.getObject("patient_id", UUID.class), rs.getTimestamp("received_at").toInstant(),
				rs.getBoolean("safety_flag"));
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.trim();
	}

}
