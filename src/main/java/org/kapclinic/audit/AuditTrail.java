package org.kapclinic.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.kapclinic.shared.ClinicPrincipal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit rows.
 *
 * <p>
 * Within a read-write transaction the row is inserted in that transaction, so a change
 * and its audit row commit or roll back together. Otherwise (reads, searches, refusals,
 * sign-in events) the row goes to {@link AuditBatchWriter}, and the caller waits until it
 * is committed: nothing is disclosed without a durable audit row, and concurrent reads
 * share commits. Appending takes no lock; {@link AuditChainSealer} chains the rows
 * afterwards.
 *
 * <p>
 * A job whose reads leave the clinic only after it has finished (a FHIR bulk export) runs
 * them {@link #deferred deferred}: their rows are kept, not written one commit each, and
 * the job appends them itself before it releases anything.
 */
@Service
public class AuditTrail {

	static final String INSERT_POSITIONAL = """
			insert into audit.entry (occurred_at, actor_id, actor_name, actor_roles, action, resource_type,
			    resource_id, patient_id, data_category, outcome, client_address, channel, detail, patient_ids)
			values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final ThreadLocal<List<Prepared>> DEFERRED = new ThreadLocal<>();

	private final JdbcTemplate jdbc;

	private final AuditBatchWriter batches;

	private final Clock clock;

	AuditTrail(JdbcTemplate jdbc, AuditBatchWriter batches, Clock clock) {
		this.jdbc = jdbc;
		this.batches = batches;
		this.clock = clock;
	}

	/**
	 * Appends an entry: within the current read-write transaction, or committed before
	 * returning.
	 */
	public void record(AuditEvent event) {
		Object[] row = row(event);
		List<Prepared> kept = DEFERRED.get();
		if (kept != null) {
			kept.add(new Prepared(row));
			return;
		}
		if (TransactionSynchronizationManager.isActualTransactionActive()
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			this.jdbc.update(INSERT_POSITIONAL, row);
		}
		else {
			this.batches.appendAndWait(row);
		}
	}

	/**
	 * Runs the work on this thread keeping the entries it records instead of writing
	 * them: the caller must {@link #append(List) append} them before anything the work
	 * read leaves the clinic.
	 */
	public <T> Deferred<T> deferred(Supplier<T> work) {
		List<Prepared> outer = DEFERRED.get();
		List<Prepared> kept = new ArrayList<>();
		DEFERRED.set(kept);
		try {
			return new Deferred<>(work.get(), kept);
		}
		finally {
			if (outer == null) {
				DEFERRED.remove();
			}
			else {
				DEFERRED.set(outer);
			}
		}
	}

	/** What deferred work returned, with the audit entries it recorded. */
	public record Deferred<T>(T result, List<Prepared> audit) {
	}

	/**
	 * The entry's row as of now, with the signed-in user and the request it came from, to
	 * be appended later by {@link #append(List)} in a transaction on another thread (a
	 * {@link org.kapclinic.shared.GroupCommit} writer, which has neither).
	 */
	public Prepared prepare(AuditEvent event) {
		return new Prepared(row(event));
	}

	/**
	 * Appends prepared entries in the current read-write transaction, so they commit or
	 * roll back with the change they describe.
	 * @throws IllegalStateException outside a read-write transaction
	 */
	public void append(List<Prepared> entries) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
			throw new IllegalStateException("Prepared audit entries are appended within the write they describe");
		}
		this.jdbc.batchUpdate(INSERT_POSITIONAL, entries.stream().map(Prepared::row).toList());
	}

	/** An audit row captured on the request's thread; opaque to other modules. */
	public static final class Prepared {

		private final Object[] row;

		private Prepared(Object[] row) {
			this.row = row;
		}

		Object[] row() {
			return this.row;
		}

	}

	/**
	 * Appends an entry committed on its own, even if the caller's transaction rolls back.
	 */
	public void recordIndependently(AuditEvent event) {
		this.batches.appendAndWait(row(event));
	}

	private Object[] row(AuditEvent event) {
		Actor actor = Actor.current(event.actorName());
		HttpServletRequest request = currentRequest();
		return new Object[] { Timestamp.from(Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS)), actor.id(),
				actor.name(), actor.roles(), event.action().name(), event.resourceType(), event.resourceId(),
				event.patientId(), (event.category() == null) ? null : event.category().name(), event.outcome().name(),
				(request == null) ? null : request.getRemoteAddr(), channel(request), truncate(event.detail()),
				(event.patientIds() == null) ? null : event.patientIds().toArray(UUID[]::new) };
	}

	private static String channel(HttpServletRequest request) {
		if (request == null) {
			return "SYSTEM";
		}
		return request.getRequestURI().startsWith("/api/") ? "API" : "WEB";
	}

	private static String truncate(String detail) {
		return (detail == null || detail.length() <= 2000) ? detail : detail.substring(0, 2000);
	}

	private static HttpServletRequest currentRequest() {
		return (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)
				? attributes.getRequest() : null;
	}

	private record Actor(UUID id, String name, String roles) {

		static Actor current(String nameOverride) {
			Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
			if (nameOverride != null) {
				return new Actor(null, nameOverride, null);
			}
			if (authentication != null && authentication.getPrincipal() instanceof ClinicPrincipal principal) {
				return new Actor(principal.userId(), principal.username(),
						String.join(",", new TreeSet<>(principal.roleNames())));
			}
			if (authentication != null && authentication.isAuthenticated()) {
				return new Actor(null, authentication.getName(),
						authentication.getAuthorities()
							.stream()
							.map(GrantedAuthority::getAuthority)
							.sorted()
							.reduce((a, b) -> a + "," + b)
							.orElse(null));
			}
			return new Actor(null, "system", null);
		}

	}

}
