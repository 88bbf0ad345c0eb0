package org.kapclinic.measures;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Self-report: a patient answers forms through a single-use link (no account; date of
 * birth confirmed), on a phone, with answers saved as they go. Staff issue one by hand;
 * the schedule runner issues one per patient for whatever has fallen due and e-mails it
 * through the outbox, in the same transaction that marks the occurrences sent.
 */
@Service
@Transactional
class SelfReports {

	static final String PURPOSE = "MEASURES";

	static final String RESOURCE = "SelfReport";

	private static final TypeReference<Map<String, List<Integer>>> DRAFT = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final PatientLinks links;

	private final InstrumentLibrary library;

	private final MeasurementService measurements;

	private final AuditTrail audit;

	private final Clock clock;

	SelfReports(JdbcClient jdbc, JsonMapper json, PatientLinks links, InstrumentLibrary library,
			MeasurementService measurements, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.json = json;
		this.links = links;
		this.library = library;
		this.measurements = measurements;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<OpenLink> open(String token) {
		return this.links.open(token, PURPOSE);
	}

	public boolean confirm(OpenLink link, LocalDate birthDate) {
		return this.links.confirm(link, birthDate);
	}

	/**
	 * The self-report behind an open link, with the draft so far (audited as a patient
	 * read). Read-write on purpose: the audit row goes into this transaction. Read-only,
	 * it waited for the audit writer while holding a pooled connection, and 500 patients
	 * opening their check-in at once held all twenty while the writer waited for one
	 * (measured, issue 21: 162 requests failed "could not write the audit trail").
	 */
	@Transactional
	public SelfReport current(OpenLink link) {
		SelfReport report = byLink(link);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, report.id())
			.patient(link.patientId())
			.category(DataCategory.CLINICAL)
			.actor(PatientLinks.PATIENT_ACTOR));
		return report;
	}

	public PatientSummary patient(OpenLink link) {
		return this.links.patient(link);
	}

	/** Saves answers as the patient goes; out-of-range answers are refused. */
	public void saveDraft(OpenLink link, Map<String, List<Integer>> answers) {
		SelfReport report = byLink(link);
		List<FieldProblem> problems = check(report, answers, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc.sql("update measures.self_report set draft = ?::jsonb where id = ?")
			.params(this.json.writeValueAsString(answers), report.id())
			.update();
	}

	/**
	 * Scores and stores every form, closes the link, and says whether an answer indicated
	 * suicide risk (the page then shows crisis resources at once). Unanswered items are
	 * refused unless the patient chose to submit anyway.
	 */
	public SelfReport.Submitted submit(OpenLink link, Map<String, List<Integer>> answers, boolean allowMissing) {
		SelfReport report = byLink(link);
		List<FieldProblem> problems = check(report, answers, allowMissing);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		List<Measurement> recorded = new ArrayList<>();
		for (Instrument instrument : instruments(report)) {
			recorded.add(this.measurements.recordFromPatient(link.patientId(), new MeasurementRequest(instrument.code(),
					inItemOrder(instrument, answers.get(instrument.code())), null, null, null, null)));
		}
		this.jdbc.sql("""
				update measures.self_report set draft = ?::jsonb, submitted_at = ?, measurement_ids = ? where id = ?""")
			.params(this.json.writeValueAsString(answers), Timestamp.from(Instant.now(this.clock)),
					recorded.stream().map(Measurement::id).toArray(UUID[]::new), report.id())
			.update();
		this.links.markUsed(link);
		return new SelfReport.Submitted(recorded,
				recorded.stream().anyMatch((m) -> m.flags().contains(MeasuresPage.SUICIDE_RISK)));
	}

	/** One answer (or null) per item, however many the form sent. */
	private static List<Integer> inItemOrder(Instrument instrument, List<Integer> given) {
		List<Integer> answers = new ArrayList<>(instrument.items().size());
		for (int i = 0; i < instrument.items().size(); i++) {
			answers.add((given != null && i < given.size()) ? given.get(i) : null);
		}
		return answers;
	}

	/** The instruments of a self-report, in order. */
	List<Instrument> instruments(SelfReport report) {
		return report.instruments().stream().map((code) -> this.library.find(code).orElseThrow()).toList();
	}

	private List<FieldProblem> check(SelfReport report, Map<String, List<Integer>> answers, boolean allowMissing) {
		List<FieldProblem> problems = new ArrayList<>();
		for (Instrument instrument : instruments(report)) {
			List<Integer> given = answers.getOrDefault(instrument.code(), List.of());
			for (int i = 0; i < instrument.items().size(); i++) {
				Instrument.Item item = instrument.items().get(i);
				Integer answer = (i < given.size()) ? given.get(i) : null;
				String field = instrument.code() + "." + (i + 1);
				if (answer == null) {
					if (!allowMissing && item.scored()) {
						problems.add(new FieldProblem(field, "not answered"));
					}
				}
				else if (item.options().stream().noneMatch((option) -> option.score() == answer)) {
					problems.add(new FieldProblem(field, "not one of the answers offered"));
				}
			}
		}
		return problems;
	}

	private SelfReport byLink(OpenLink link) {
		return this.jdbc.sql("select * from measures.self_report where link_id = ?")
			.param(link.id())
			.query((rs, n) -> map(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, link.id()));
	}

	private SelfReport map(ResultSet rs) throws SQLException {
		Timestamp submitted = rs.getTimestamp("submitted_at");
		return new SelfReport(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
				rs.getObject("link_id", UUID.class), List.of((String[]) rs.getArray("instruments").getArray()),
				this.json.readValue(rs.getString("draft"), DRAFT), rs.getTimestamp("created_at").toInstant(),
				rs.getString("emailed_to"), (submitted != null) ? submitted.toInstant() : null);
	}

}
