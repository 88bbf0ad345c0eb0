package org.kapclinic.fhir;

import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.intake.WithdrawnReleases;
import org.kapclinic.patient.PatientCriteria;
import org.kapclinic.patient.Patients;
import org.kapclinic.patient.RegisteredPatient;
import org.kapclinic.scheduling.CoursePrograms;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes one {@code $export}: every patient the exporter may see, a batch at a time, each
 * patient's resources of the requested types that changed since {@code _since} and pass
 * the {@code _typeFilter}s, as NDJSON parts. Runs as the exporter (its access rule, its
 * audit), on the exporter's thread or a background one; it stops at the next batch once
 * the job is cancelled. Reads are audited as always, but deferred
 * ({@link AuditTrail#deferred}) and appended in one commit per batch: waiting for a
 * commit per read had made the audit writer the export's pace.
 */
@Component
class ExportRun {

	private final Patients patients;

	private final PatientResources patientResources;

	private final List<ExportSource> sources;

	private final WithdrawnReleases withdrawn;

	private final CoursePrograms programs;

	private final ExportJobs jobs;

	private final BulkExportSettings settings;

	private final FhirContext context;

	private final AuditTrail audit;

	private final ExportReads reads;

	private final TransactionTemplate transactions;

	private final Clock clock;

	ExportRun(Patients patients, PatientResources patientResources, List<ExportSource> sources,
			WithdrawnReleases withdrawn, CoursePrograms programs, ExportJobs jobs, BulkExportSettings settings,
			FhirContext context, AuditTrail audit, ExportReads reads, PlatformTransactionManager transactions,
			Clock clock) {
		this.audit = audit;
		this.reads = reads;
		this.transactions = new TransactionTemplate(transactions);
		this.patients = patients;
		this.patientResources = patientResources;
		this.sources = sources;
		this.withdrawn = withdrawn;
		this.programs = programs;
		this.jobs = jobs;
		this.settings = settings;
		this.context = context;
		this.clock = clock;
	}

	/** The types an export may name: Patient and each source's. */
	List<String> types() {
		return java.util.stream.Stream
			.concat(java.util.stream.Stream.of("Patient"), this.sources.stream().map(ExportSource::type))
			.toList();
	}

	/**
	 * Runs the job to its end state.
	 * @param external whether the recipient is another organization (patients who
	 * withdrew their release of information are left out)
	 */
	void run(UUID jobId, ExportRequest request, boolean external) {
		Parts parts = new Parts(jobId);
		int done = 0;
		// Patients are read and encoded on every core, as the requester; the parts are
		// written in patient order by this thread.
		ExecutorService pool = new DelegatingSecurityContextExecutorService(
				Executors.newFixedThreadPool(this.settings.threads()), SecurityContextHolder.getContext());
		try {
			if (!this.jobs.advance(jobId, "RUNNING", 0, null, now(), null)) {
				return;
			}
			for (int offset = 0;; offset += this.settings.patientsPerBatch()) {
				List<RegisteredPatient> batch = this.patients.search(PatientCriteria.everyone(), offset,
						this.settings.patientsPerBatch());
				List<UUID> ids = batch.stream().map(RegisteredPatient::id).toList();
				Set<UUID> left = external ? this.withdrawn.among(ids) : Set.of();
				Set<UUID> members = inProgram(request.program(), ids);
				List<Future<AuditTrail.Deferred<List<Line>>>> lines = batch.stream()
					.filter((p) -> !left.contains(p.id()) && (members == null || members.contains(p.id())))
					.map((patient) -> pool.submit(() -> this.audit.deferred(() -> lines(patient, request))))
					.toList();
				List<AuditTrail.Prepared> reads = new java.util.ArrayList<>();
				for (Future<AuditTrail.Deferred<List<Line>>> patient : lines) {
					patient.get().result().forEach(parts::add);
					reads.addAll(patient.get().audit());
				}
				// Each read's audit row, one commit for the batch rather than one per
				// read;
				// nothing leaves before the job completes, long after this commit.
				if (!reads.isEmpty()) {
					this.transactions.executeWithoutResult((status) -> this.audit.append(reads));
				}
				done += batch.size();
				if (!this.jobs.advance(jobId, "RUNNING", done, null, now(), null)) {
					return;
				}
				if (batch.size() < this.settings.patientsPerBatch()) {
					break;
				}
			}
			parts.flushAll();
			this.jobs.advance(jobId, "COMPLETE", done, null, now(), now().plus(this.settings.retention()));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			this.jobs.fail(jobId, "The export stopped when its server shut down; start it again.", now());
		}
		catch (ExecutionException ex) {
			throw failed(jobId, ex.getCause());
		}
		catch (RuntimeException ex) {
			throw failed(jobId, ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/**
	 * Records why the job failed (no database detail for the client); returns it to
	 * throw.
	 */
	private RuntimeException failed(UUID jobId, Throwable ex) {
		this.jobs.fail(jobId,
				(ex instanceof org.springframework.dao.DataAccessException)
						? "The export stopped on a server error (logged); start it again."
						: "The export stopped: " + ex.getMessage(),
				now());
		return (ex instanceof RuntimeException runtime) ? runtime : new IllegalStateException(ex);
	}

	/** Of these patients, those with a course in the program; null for no program. */
	private Set<UUID> inProgram(String program, List<UUID> ids) {
		if (program == null) {
			return null;
		}
		Set<UUID> members = new java.util.HashSet<>();
		this.programs.courses(ids)
			.forEach((patient, courses) -> courses.stream()
				.filter((course) -> course.program().equals(program))
				.findAny()
				.ifPresent((course) -> members.add(patient)));
		return members;
	}

	/** The patient's resources of the export, encoded (HAPI's parsers are not shared). */
	private List<Line> lines(RegisteredPatient registered, ExportRequest request) {
		IParser parser = this.context.newJsonParser().setPrettyPrint(false);
		ExportReads.OfPatient reads = this.reads.of(registered.id());
		List<Line> lines = new java.util.ArrayList<>();
		if (request.types().contains("Patient")
				&& (request.since() == null || registered.updatedAt().isAfter(request.since()))) {
			lines.add(Line.of(parser, this.patientResources.toFhir(registered)));
		}
		for (ExportSource source : this.sources) {
			if (!request.types().contains(source.type())) {
				continue;
			}
			for (DomainResource resource : source.forPatient(reads)) {
				if (changedSince(resource, request.since()) && request.passes(resource)) {
					lines.add(Line.of(parser, resource));
				}
			}
		}
		return lines;
	}

	/** One resource as an NDJSON line. */
	private record Line(String type, String json) {

		static Line of(IParser parser, DomainResource resource) {
			return new Line(resource.fhirType(), parser.encodeResourceToString(resource));
		}

	}

	/**
	 * Whether the resource changed after {@code since}: by {@code meta.lastUpdated} when
	 * set, otherwise by the time it records (our clinical records are amended, not
	 * rewritten: a record's own time is when it came to be).
	 */
	static boolean changedSince(DomainResource resource, Instant since) {
		if (since == null) {
			return true;
		}
		Date when = resource.getMeta().getLastUpdated();
		if (when == null) {
			when = recordedAt(resource);
		}
		return when == null || when.toInstant().isAfter(since);
	}

	private static Date recordedAt(DomainResource resource) {
		if (resource instanceof Observation o) {
			return o.getEffectiveDateTimeType().getValue();
		}
		if (resource instanceof QuestionnaireResponse q) {
			return q.getAuthored();
		}
		if (resource instanceof Encounter e) {
			return (e.getPeriod().getEnd() != null) ? e.getPeriod().getEnd() : e.getPeriod().getStart();
		}
		if (resource instanceof MedicationAdministration m) {
			return m.hasEffectiveDateTimeType() ? m.getEffectiveDateTimeType().getValue()
					: m.getEffectivePeriod().getStart();
		}
		return null;
	}

	private Instant now() {
		return Instant.now(this.clock);
	}

	/** NDJSON per type, stored as a part whenever a type's buffer is full. */
	private final class Parts {

		private final UUID jobId;

		private final Map<String, StringBuilder> buffers = new LinkedHashMap<>();

		private final Map<String, Integer> counts = new LinkedHashMap<>();

		private int part;

		Parts(UUID jobId) {
			this.jobId = jobId;
		}

		void add(Line line) {
			String type = line.type();
			StringBuilder buffer = this.buffers.computeIfAbsent(type, (t) -> new StringBuilder());
			buffer.append(line.json()).append('\n');
			int count = this.counts.merge(type, 1, Integer::sum);
			if (count >= ExportRun.this.settings.resourcesPerFile()) {
				flush(type);
			}
		}

		void flushAll() {
			List.copyOf(this.buffers.keySet()).forEach(this::flush);
		}

		private void flush(String type) {
			Integer count = this.counts.remove(type);
			StringBuilder buffer = this.buffers.remove(type);
			if (count != null && count > 0) {
				ExportRun.this.jobs.addFile(this.jobId, ++this.part, type, count, buffer.toString());
			}
		}

	}

}
