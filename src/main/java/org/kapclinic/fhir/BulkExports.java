package org.kapclinic.fhir;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.kapclinic.identity.BackendClients;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Bulk Data Access 2.0 {@code $export}: a kick-off stores the job and returns at once;
 * one background thread per instance writes jobs in turn, as the one who asked (their
 * access rule and audit); only that requester may poll, download or cancel it. A job
 * whose instance stopped mid-way is reported failed at its next poll, never left running.
 */
@Service
class BulkExports implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(BulkExports.class);

	/**
	 * A running job's heartbeat is at most one batch old; three minutes means it died.
	 */
	private static final Duration STALE = Duration.ofMinutes(3);

	private final ExportJobs jobs;

	private final ExportRun run;

	private final CurrentUser currentUser;

	private final FhirClients clients;

	private final Clock clock;

	private final ExecutorService worker = Executors.newSingleThreadExecutor((task) -> {
		Thread thread = new Thread(task, "fhir-export");
		thread.setDaemon(true);
		return thread;
	});

	BulkExports(ExportJobs jobs, ExportRun run, CurrentUser currentUser, FhirClients clients, Clock clock) {
		this.jobs = jobs;
		this.run = run;
		this.currentUser = currentUser;
		this.clients = clients;
		this.clock = clock;
	}

	/** The types an export may name. */
	List<String> exportable() {
		return this.run.types();
	}

	/**
	 * Starts an export as the signed-in staff member or backend client.
	 * @throws AccessDeniedException when a backend client's scopes do not let it read one
	 * of the types
	 */
	UUID kickOff(ExportRequest asked, String requestUrl) {
		String owner = this.currentUser.require().username();
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		List<String> scopes = scopes(authentication);
		boolean client = isClient(authentication);
		ExportRequest request = (client && !asked.typesNamed())
				? asked
					.ofTypes(asked.types().stream().filter((type) -> SmartScopes.permits(scopes, type, 'r')).toList())
				: asked;
		if (request.types().isEmpty()) {
			throw new AccessDeniedException("This client's token lets it read none of the types this server exports");
		}
		for (String type : request.types()) {
			if (client && !SmartScopes.permits(scopes, type, 'r')) {
				throw new AccessDeniedException("This client's token does not grant system/" + type
						+ ".rs, which an export of " + type + " needs; leave it out of _type or ask for the scope");
			}
		}
		boolean external = client
				&& this.clients.active(owner.substring("fhir-client:".length())).map(FhirClient::external).orElse(true);
		UUID id = UUID.randomUUID();
		this.jobs.create(id, owner, request, requestUrl, Instant.now(this.clock));
		this.worker.submit(() -> runAs(authentication, id, request, external));
		return id;
	}

	/** The requester's job, failed first if its instance stopped writing it. */
	ExportJobs.ExportJob status(UUID id) {
		ExportJobs.ExportJob job = owned(id);
		if (job.status().equals("RUNNING") && job.heartbeatAt().isBefore(Instant.now(this.clock).minus(STALE))) {
			this.jobs.fail(id, "The export stopped when a server restarted; start it again.", Instant.now(this.clock));
			return owned(id);
		}
		return job;
	}

	List<ExportJobs.ExportFile> files(UUID id) {
		owned(id);
		return this.jobs.files(id);
	}

	/** A finished export's file, to its requester only. */
	String file(UUID id, int part) {
		ExportJobs.ExportJob job = owned(id);
		if (!job.status().equals("COMPLETE")) {
			throw new NotFoundException("ExportFile", id + "/" + part);
		}
		return this.jobs.ndjson(id, part).orElseThrow(() -> new NotFoundException("ExportFile", id + "/" + part));
	}

	/** Stops an unfinished export or deletes a finished one's files. */
	void cancel(UUID id) {
		owned(id);
		if (!this.jobs.end(id, "CANCELLED")) {
			throw new NotFoundException("ExportJob", id);
		}
	}

	/** Deletes the files of finished exports past their retention. */
	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	@SchedulerLock(name = "fhir-export-expiry", lockAtMostFor = "10m", lockAtLeastFor = "5s")
	void expire() {
		for (UUID id : this.jobs.expired(Instant.now(this.clock))) {
			this.jobs.end(id, "EXPIRED");
		}
	}

	private ExportJobs.ExportJob owned(UUID id) {
		String actor = this.currentUser.require().username();
		return this.jobs.find(id)
			.filter((job) -> job.owner().equals(actor))
			.orElseThrow(() -> new NotFoundException("ExportJob", id));
	}

	private void runAs(Authentication authentication, UUID id, ExportRequest request, boolean external) {
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(authentication);
		SecurityContextHolder.setContext(context);
		try {
			this.run.run(id, request, external);
		}
		catch (RuntimeException ex) {
			log.error("FHIR export {} failed", id, ex);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

	private static boolean isClient(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.anyMatch((a) -> BackendClients.AUTHORITY.equals(a.getAuthority()));
	}

	private static List<String> scopes(Authentication authentication) {
		return authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.filter((a) -> a.startsWith(BackendClients.SCOPE_PREFIX))
			.map((a) -> a.substring(BackendClients.SCOPE_PREFIX.length()))
			.toList();
	}

	@Override
	public void destroy() {
		this.worker.shutdownNow();
	}

}
