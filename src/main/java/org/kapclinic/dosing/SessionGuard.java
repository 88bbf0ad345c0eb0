package org.kapclinic.dosing;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.CareTeamAccess;
import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What every step on a session checks first: the session exists and is locked, the user
 * may see the patient's clinical record and has a role for this step, the state allows
 * the step, and an entry's time is real (never in the future, never before check-in).
 */
@Component
class SessionGuard {

	static final String RESOURCE = "DosingSession";

	static final Set<Role> DOSING_STAFF = Set.of(Role.NURSE, Role.PRESCRIBER);

	private final SessionRows rows;

	private final Protocols protocols;

	private final CareTeamAccess access;

	private final DosingSettings settings;

	private final Clock clock;

	private final RecentSessions recent;

	private final org.kapclinic.identity.CurrentUser currentUser;

	SessionGuard(SessionRows rows, Protocols protocols, CareTeamAccess access, DosingSettings settings, Clock clock,
			RecentSessions recent, org.kapclinic.identity.CurrentUser currentUser) {
		this.currentUser = currentUser;
		this.recent = recent;
		this.rows = rows;
		this.protocols = protocols;
		this.access = access;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * The locked session, its protocol and the user, if the user holds one of the roles.
	 */
	Step lock(UUID sessionId, Set<Role> roles) {
		// A locked step is about to change the session: a remembered copy would only be
		// refused by the vitals writer.
		this.recent.forget(sessionId);
		return step(this.rows.lock(sessionId), sessionId, roles);
	}

	/**
	 * The session as last read for a vitals write ({@link RecentSessions}), or read now
	 * and remembered; the user's access and roles are checked every time. The copy may be
	 * out of date: whatever is stored on it must be checked against the session's version
	 * when it is written.
	 */
	Step recent(UUID sessionId, Set<Role> roles) {
		DosingSession copy = this.recent.get(sessionId);
		if (copy != null) {
			return step(java.util.Optional.of(copy), sessionId, roles);
		}
		java.util.Optional<DosingSession> found = this.rows.find(sessionId);
		Step step = step(found, sessionId, roles);
		this.recent.remember(step.session());
		return step;
	}

	/** Drops the remembered copy: the session has changed since it was read. */
	void forget(UUID sessionId) {
		this.recent.forget(sessionId);
	}

	/** Read access: the session and its protocol (no lock), for any clinical reader. */
	Step read(UUID sessionId) {
		return step(this.rows.find(sessionId), sessionId, null);
	}

	private Step step(java.util.Optional<DosingSession> found, UUID sessionId, Set<Role> roles) {
		DosingSession session = found.orElseThrow(() -> new NotFoundException(RESOURCE, sessionId));
		StaffMember user = user(session.patientId());
		if (roles != null && roles.stream().noneMatch(user::has)) {
			throw new AccessDeniedException("This step needs one of the roles " + roles);
		}
		return new Step(session, this.protocols.version(session.protocol(), session.protocolVersion()), user,
				Instant.now(this.clock));
	}

	/**
	 * The chair, not the chart (issue 14): any nurse or prescriber may open a session on
	 * the floor and record vitals, events and administrations on it, whoever's care team
	 * the patient is on; everyone else, and the rest of the chart, keeps the care-team
	 * rule. Each step's own role rule still applies (orders: prescribers).
	 */
	private StaffMember user(UUID patientId) {
		StaffMember user = this.currentUser.require();
		if (DOSING_STAFF.stream().anyMatch(user::has)) {
			return user;
		}
		return this.access.requireClinical(patientId);
	}

	/** 409 unless the session is in one of the states. */
	static void requireState(DosingSession session, String step, SessionState... allowed) {
		SessionDecision.requireState(session.state(), step, allowed).orThrow(session.id());
	}

	/**
	 * The moment an entry happened: now if not given; refused in the future (beyond the
	 * clock tolerance) or before the check-in.
	 */
	Instant when(Instant requested, DosingSession session, Instant now) {
		if (requested == null) {
			return now;
		}
		if (requested.isAfter(now.plus(this.settings.futureTolerance()))) {
			throw InvalidInputException.of("at", "cannot be in the future");
		}
		if (requested.isBefore(session.checkedInAt().minus(this.settings.futureTolerance()))) {
			throw InvalidInputException.of("at", "cannot be before the check-in at " + session.checkedInAt());
		}
		return requested;
	}

	/** A late entry: recorded well after it happened. */
	boolean late(Instant at, Instant now) {
		return at.plus(this.settings.lateEntryAfter()).isBefore(now);
	}

	static String text(String value, String field, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				throw InvalidInputException.of(field, "is required");
			}
			return null;
		}
		if (value.length() > max) {
			throw InvalidInputException.of(field, "at most " + max + " characters");
		}
		return value.strip();
	}

	static List<String> codes(List<String> values) {
		return (values == null) ? List.of() : values;
	}

	/** One step's context. */
	record Step(DosingSession session, Protocol protocol, StaffMember user, Instant now) {

		UUID id() {
			return this.session.id();
		}

	}

}
