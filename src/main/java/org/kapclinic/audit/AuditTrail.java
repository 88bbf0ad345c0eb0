package org.kapclinic.audit;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;

import org.kapclinic.shared.ClinicPrincipal;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Appends audit rows. {@link #record} joins the caller's transaction, so a change and its
 * audit row commit or roll back together; {@link #recordIndependently} commits at once,
 * for refusals and failures whose own transaction is about to roll back.
 *
 * <p>
 * An append is a single INSERT with no lock: the hash chain is sealed afterwards, in
 * order, by {@link AuditChainSealer}.
 */
@Service
public class AuditTrail {

	private static final String INSERT = """
			insert into audit.entry (occurred_at, actor_id, actor_name, actor_roles, action, resource_type,
			    resource_id, patient_id, data_category, outcome, client_address, channel, detail)
			values (:occurredAt, :actorId, :actorName, :actorRoles, :action, :resourceType,
			    :resourceId, :patientId, :category, :outcome, :clientAddress, :channel, :detail)
			""";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final TransactionTemplate independent;

	AuditTrail(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.independent = new TransactionTemplate(transactions);
		this.independent.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/**
	 * Appends an entry within the current transaction (or on its own if there is none).
	 */
	public void record(AuditEvent event) {
		Actor actor = Actor.current(event.actorName());
		HttpServletRequest request = currentRequest();
		this.jdbc.sql(INSERT)
			.param("occurredAt", Timestamp.from(Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS)))
			.param("actorId", actor.id())
			.param("actorName", actor.name())
			.param("actorRoles", actor.roles())
			.param("action", event.action().name())
			.param("resourceType", event.resourceType())
			.param("resourceId", event.resourceId())
			.param("patientId", event.patientId())
			.param("category", event.category() == null ? null : event.category().name())
			.param("outcome", event.outcome().name())
			.param("clientAddress", request == null ? null : request.getRemoteAddr())
			.param("channel", channel(request))
			.param("detail", truncate(event.detail()))
			.update();
	}

	/**
	 * Appends an entry in a transaction of its own that commits even if the caller's
	 * rolls back.
	 */
	public void recordIndependently(AuditEvent event) {
		this.independent.executeWithoutResult((status) -> record(event));
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
