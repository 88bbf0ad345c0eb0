package org.kapclinic.dosing;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.kapclinic.identity.StepUp;
import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.shared.NotFoundException;
import org.kapclinic.shared.VersionedDocuments;
import org.kapclinic.shared.VersionedDocuments.Publication;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Dosing protocols, versioned documents ({@link VersionedDocuments}): the shipped files
 * are stored on start; an administrator publishes a new version, never edits one. A
 * session keeps the version it started with.
 */
@Service
class Protocols {

	private final VersionedDocuments<Protocol> documents;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final StepUp stepUp;

	Protocols(JdbcClient jdbc, JsonMapper json, CurrentUser currentUser, AuditTrail audit, Clock clock, StepUp stepUp) {
		this.stepUp = stepUp;
		this.documents = new VersionedDocuments<>(jdbc, json, clock,
				new VersionedDocuments.Kind<>("dosing.protocol", Protocol.class, "protocols", Protocol::code,
						Protocol::version, "version desc", ProtocolRules::problems));
		this.currentUser = currentUser;
		this.audit = audit;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Transactional
	public void storeShipped() {
		this.documents.storeShipped("classpath:protocols/*.json");
	}

	/**
	 * The shipped protocols, for callers that run before the application is ready (the
	 * demo loader); storing twice is harmless.
	 */
	public void storeShippedQuietly() {
		storeShipped();
	}

	/** The newest version of every protocol. */
	public List<Protocol> current() {
		return this.documents.current();
	}

	/** The newest version of one protocol, or 404. */
	public Protocol current(String code) {
		return this.documents.current(code).orElseThrow(() -> new NotFoundException("Protocol", code));
	}

	/** One stored version (cached), or 404. */
	public Protocol version(String code, int version) {
		return this.documents.version(code, version)
			.orElseThrow(() -> new NotFoundException("Protocol", code + " v" + version));
	}

	/** Every stored version of one protocol, newest first (the editor's history). */
	public List<Publication> history(String code) {
		return this.documents.history(code);
	}

	/**
	 * When each protocol's newest version was published, by code (one query for a list).
	 */
	public Map<String, Publication> newestPublications() {
		return this.documents.newestPublications();
	}

	/** ADMIN publishes a new version; an existing code + version is refused. */
	@Transactional
	public Protocol publish(Protocol protocol) {
		if (!this.currentUser.require().has(Role.ADMIN)) {
			throw new AccessDeniedException("Only administrators publish protocols");
		}
		this.stepUp.require("publish a dosing protocol");
		this.documents.publish(protocol, this.currentUser.require().id());
		this.audit.record(AuditEvent.of(AuditAction.CREATE, "Protocol", protocol.code())
			.category(DataCategory.ADMINISTRATION)
			.detail("version " + protocol.version()));
		return protocol;
	}

}
