package org.kapclinic.measures;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.kapclinic.patient.PatientLinks;
import org.kapclinic.patient.PatientLinks.OpenLink;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questionnaires a signed-in patient fills in on the portal (issue 21), through the same
 * self-report as a link: the same draft, checks, scoring, flags and crisis path. The
 * portal's self-report is created for the questionnaires due now and reopened until it is
 * submitted; it is never e-mailed (its link has no token anyone was given).
 */
@Service
@Transactional
class PortalCheckIns {

	private final JdbcClient jdbc;

	private final PatientLinks links;

	private final SelfReportLinks selfReportLinks;

	private final DueMeasures due;

	private final InstrumentLibrary library;

	private final Clock clock;

	PortalCheckIns(JdbcClient jdbc, PatientLinks links, SelfReportLinks selfReportLinks, DueMeasures due,
			InstrumentLibrary library, Clock clock) {
		this.jdbc = jdbc;
		this.links = links;
		this.selfReportLinks = selfReportLinks;
		this.due = due;
		this.library = library;
		this.clock = clock;
	}

	/**
	 * The patient's open portal check-in, started for what is due now; empty if nothing
	 * is. Only the patient (or their guardian, where the clinic's policy allows).
	 */
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.seesPrivate(#patientId)")
	public Optional<OpenLink> open(UUID patientId) {
		Optional<OpenLink> started = this.jdbc.sql("""
				select link_id from measures.self_report
				where patient_id = ? and submitted_at is null and emailed_to is null and created_by is null
				order by created_at desc limit 1""")
			.param(patientId)
			.query(UUID.class)
			.optional()
			.flatMap((link) -> this.links.openById(link, SelfReports.PURPOSE));
		if (started.isPresent()) {
			return started;
		}
		List<String> forms = dueForms(patientId);
		if (forms.isEmpty()) {
			return Optional.empty();
		}
		UUID linkId = this.selfReportLinks.forPortal(patientId, forms);
		return this.links.openById(linkId, SelfReports.PURPOSE);
	}

	/** The patient answers these themselves, and they are due now. */
	List<String> dueForms(UUID patientId) {
		Instant now = Instant.now(this.clock);
		return List.copyOf(new LinkedHashSet<>(this.due.openFor(patientId)
			.stream()
			.filter((d) -> !d.dueAt().isAfter(now))
			.map(DueMeasure::instrument)
			.filter((code) -> this.library.find(code).map((i) -> i.mode() == Instrument.Mode.FORM).orElse(false))
			.toList()));
	}

}
