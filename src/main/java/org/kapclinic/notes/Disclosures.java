package org.kapclinic.notes;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.dosing.SessionReads;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.intake.ConsentService;
import org.kapclinic.intake.ReleasesOfInformation;
import org.kapclinic.intake.ReleaseCoverage;
import org.kapclinic.measures.MeasurementSummary;
import org.kapclinic.measures.Measures;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.scheduling.Courses;
import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.RuleViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sharing a summary with a named outside provider, only under the patient's active
 * release of information that covers that provider and every content category asked for
 * (intake owns the consent rule). Content is course status, doses with dates, outcome
 * trajectory and integration themes as the clinician words them; note text, and private
 * process notes above all, are never part of it (security.md 2b). Each disclosure keeps
 * the exact PDF sent and is listed in the accounting of disclosures.
 */
@Service
@Transactional
class Disclosures {

	/** Instruments whose trajectory an OUTCOMES section shows. */
	static final List<String> OUTCOME_INSTRUMENTS = List.of("PHQ-9", "GAD-7", "PCL-5");

	static final String RESOURCE = "Disclosure";

	private final JdbcClient jdbc;

	private final NoteAccess access;

	private final OutsideProviders providers;

	private final ConsentService consents;

	private final Patients patients;

	private final Courses courses;

	private final SessionReads doses;

	private final Measures measures;

	private final org.kapclinic.shared.PdfDocuments pdf;

	private final UserDirectory directory;

	private final AuditTrail audit;

	private final ClinicTime clinicTime;

	private final Clock clock;

	Disclosures(JdbcClient jdbc, NoteAccess access, OutsideProviders providers, ConsentService consents,
			Patients patients, Courses courses, SessionReads doses, Measures measures,
			org.kapclinic.shared.PdfDocuments pdf, UserDirectory directory, AuditTrail audit, ClinicTime clinicTime,
			Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.providers = providers;
		this.consents = consents;
		this.patients = patients;
		this.courses = courses;
		this.doses = doses;
		this.measures = measures;
		this.pdf = pdf;
		this.directory = directory;
		this.audit = audit;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/**
	 * Discloses the chosen content to the provider: 400 for unknown content, 422 (audited
	 * as denied, nothing stored) without a covering release.
	 */
	public Disclosure disclose(UUID patientId, UUID providerId, List<String> content, String themes) {
		StaffMember user = this.access.requireWriter(patientId);
		if (providerId == null) {
			throw InvalidInputException.of("providerId", "choose an outside provider");
		}
		OutsideProvider provider = this.providers.load(providerId)
			.orElseThrow(() -> InvalidInputException.of("providerId", "no such outside provider"));
		List<String> chosen = checkedContent(content);
		if (chosen.contains("INTEGRATION_THEMES") && (themes == null || themes.isBlank())) {
			throw InvalidInputException.of("themes", "write the integration themes you choose to share");
		}
		if (themes != null && themes.length() > 4000) {
			throw InvalidInputException.of("themes", "at most 4000 characters");
		}
		LocalDate today = this.clinicTime.today(this.clock);
		ReleaseCoverage release = this.consents.coveringRelease(patientId, providerId, provider.name(), chosen, today)
			.orElseThrow(() -> refused(patientId, provider, chosen));
		Instant now = Instant.now(this.clock);
		PatientSummary patient = this.patients.summary(patientId)
			.orElseThrow(() -> new NotFoundException("Patient", patientId));
		Map<String, Object> model = summary(patient, provider, chosen, themes, release, user, now);
		byte[] document = this.pdf.render("notes/disclosure-pdf", model);
		UUID id = UUID.randomUUID();
		String sha = sha256(document);
		this.jdbc.sql("""
				insert into notes.disclosure (id, patient_id, provider_id, content, consent_id, disclosed_at,
				    disclosed_by, pdf, pdf_sha256)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, patientId, providerId, chosen.toArray(String[]::new), release.consentId(), Timestamp.from(now),
					user.id(), document, sha)
			.update();
		this.audit.record(AuditEvent.of(AuditAction.EXPORT, RESOURCE, id)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("to outside provider " + providerId + " " + chosen + " under consent " + release.consentId()));
		return new Disclosure(id, patientId, providerId, provider.name(), chosen, release.consentId(), now, user.id(),
				user.displayName(), sha, pdfLink(id));
	}

	/** The accounting of disclosures for the patient, newest first. */
	@Transactional(readOnly = true)
	public List<Disclosure> accounting(UUID patientId) {
		this.access.requireReader(patientId);
		List<Disclosure> rows = this.jdbc.sql("""
				select d.id, d.patient_id, d.provider_id, p.name, d.content, d.consent_id, d.disclosed_at,
				       d.disclosed_by, d.pdf_sha256
				from notes.disclosure d join notes.outside_provider p on p.id = d.provider_id
				where d.patient_id = ? order by d.disclosed_at desc""")
			.param(patientId)
			.query((rs, n) -> new Disclosure(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class),
					rs.getObject("provider_id", UUID.class), rs.getString("name"),
					Arrays.asList((String[]) rs.getArray("content").getArray()), rs.getObject("consent_id", UUID.class),
					rs.getTimestamp("disclosed_at").toInstant(), rs.getObject("disclosed_by", UUID.class), null,
					rs.getString("pdf_sha256"), pdfLink(rs.getObject("id", UUID.class))))
			.list();
		Map<UUID, StaffMember> names = this.directory.findAll(rows.stream().map(Disclosure::disclosedBy).toList());
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("accounting of disclosures"));
		return rows.stream()
			.map((d) -> new Disclosure(d.id(), d.patientId(), d.providerId(), d.providerName(), d.content(),
					d.consentId(), d.disclosedAt(), d.disclosedBy(),
					names.containsKey(d.disclosedBy()) ? names.get(d.disclosedBy()).displayName() : null, d.pdfSha256(),
					d.pdf()))
			.toList();
	}

	/** The exact PDF that was sent. */
	@Transactional(readOnly = true)
	public byte[] pdf(UUID disclosureId) {
		UUID patientId = this.jdbc.sql("select patient_id from notes.disclosure where id = ?")
			.param(disclosureId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(RESOURCE, disclosureId));
		this.access.requireReader(patientId);
		this.audit.record(AuditEvent.of(AuditAction.READ, RESOURCE, disclosureId)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.detail("pdf"));
		return this.jdbc.sql("select pdf from notes.disclosure where id = ?")
			.param(disclosureId)
			.query(byte[].class)
			.single();
	}

	private static List<String> checkedContent(List<String> content) {
		if (content == null || content.isEmpty()) {
			throw InvalidInputException.of("content", "choose what to share: " + ReleasesOfInformation.CONTENT);
		}
		LinkedHashSet<String> chosen = new LinkedHashSet<>();
		for (String code : content) {
			if (code == null || !ReleasesOfInformation.CONTENT.contains(code)) {
				throw InvalidInputException.of("content", "unknown content " + code + "; one of "
						+ ReleasesOfInformation.CONTENT + " (psychotherapy notes are never disclosed here)");
			}
			chosen.add(code);
		}
		return List.copyOf(chosen);
	}

	private RuntimeException refused(UUID patientId, OutsideProvider provider, List<String> content) {
		this.audit.recordIndependently(AuditEvent.of(AuditAction.EXPORT, RESOURCE, null)
			.patient(patientId)
			.category(DataCategory.CLINICAL)
			.outcome(AuditOutcome.DENIED)
			.detail("no active release covering " + provider.id() + " " + content));
		return new RuleViolationException("The patient has no active release of information covering " + provider.name()
				+ " and " + content + ".", List.of("NO_COVERING_RELEASE"));
	}

	private Map<String, Object> summary(PatientSummary patient, OutsideProvider provider, List<String> content,
			String themes, ReleaseCoverage release, StaffMember user, Instant now) {
		Map<String, Object> model = new LinkedHashMap<>();
		model.put("patient", patient);
		model.put("provider", provider);
		model.put("content", content);
		model.put("release", release);
		model.put("discloser", user.displayName());
		model.put("disclosedAt", now.atZone(this.clinicTime.timeZone()).toLocalDate());
		if (content.contains("COURSE_STATUS")) {
			model.put("courses", this.courses.list(patient.id()));
		}
		if (content.contains("DOSES")) {
			model.put("doses", doses(patient.id()));
		}
		if (content.contains("OUTCOMES")) {
			List<MeasurementSummary> outcomes = new ArrayList<>();
			for (String instrument : OUTCOME_INSTRUMENTS) {
				MeasurementSummary summary = this.measures.summary(patient.id(), instrument);
				if (summary.measurements() > 0) {
					outcomes.add(summary);
				}
			}
			model.put("outcomes", outcomes);
		}
		if (content.contains("INTEGRATION_THEMES")) {
			model.put("themes", themes);
		}
		return model;
	}

	/** The doses given, with dates, route, mg and mg/kg (from the dosing sessions). */
	private List<String> doses(UUID patientId) {
		return this.doses.givenDoses(patientId).stream().map(SessionReads.GivenDose::label).toList();
	}

	private static String sha256(byte[] bytes) {
		try {
			return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (java.security.NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String pdfLink(UUID id) {
		return "/api/v1/disclosures/" + id + "/pdf";
	}

}
