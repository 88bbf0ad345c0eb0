package org.kapclinic.patient;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Care-team membership rows. Replacing a team ends the memberships that are gone and adds
 * the new ones, so the history of who was on a team stays.
 */
@Component
class CareTeams {

	private static final Set<Role> CLINICAL_ROLES = Set.of(Role.PRESCRIBER, Role.NURSE, Role.THERAPIST);

	private final JdbcClient jdbc;

	private final UserDirectory directory;

	private final org.springframework.context.ApplicationEventPublisher events;

	CareTeams(JdbcClient jdbc, UserDirectory directory, org.springframework.context.ApplicationEventPublisher events) {
		this.events = events;
		this.jdbc = jdbc;
		this.directory = directory;
	}

	List<CareTeamMember> current(UUID patientId) {
		return named(this.jdbc.sql("""
				select user_id, added_at from patient.care_team_member
				where patient_id = ? and removed_at is null order by added_at, user_id""")
			.param(patientId)
			.query((rs, n) -> new PatientRecord.TeamSeat(rs.getObject("user_id", UUID.class),
					rs.getTimestamp("added_at").toInstant()))
			.list());
	}

	/** Adds names and roles (for display) to care-team seats. */
	List<CareTeamMember> named(List<PatientRecord.TeamSeat> seats) {
		if (seats.isEmpty()) {
			return List.of();
		}
		Map<UUID, StaffMember> members = this.directory
			.findAll(seats.stream().map(PatientRecord.TeamSeat::userId).toList());
		List<CareTeamMember> team = new ArrayList<>(seats.size());
		for (PatientRecord.TeamSeat seat : seats) {
			StaffMember member = members.get(seat.userId());
			team.add(new CareTeamMember(seat.userId(), (member != null) ? member.displayName() : "(unknown user)",
					(member != null) ? member.roles() : Set.of(), seat.addedAt()));
		}
		return team;
	}

	/**
	 * Makes the current team exactly {@code userIds}; returns what changed, for the audit
	 * trail.
	 */
	String replace(UUID patientId, Collection<UUID> userIds, UUID changedBy, Instant now) {
		Set<UUID> wanted = new LinkedHashSet<>(userIds);
		Map<UUID, StaffMember> found = this.directory.findAllCurrent(wanted);
		List<InvalidInputException.FieldProblem> problems = new ArrayList<>();
		for (UUID userId : wanted) {
			StaffMember member = found.get(userId);
			if (member == null || !member.active()) {
				problems.add(new InvalidInputException.FieldProblem("members", userId + " is not an active user"));
			}
			else if (member.roles().stream().noneMatch(CLINICAL_ROLES::contains)) {
				problems.add(new InvalidInputException.FieldProblem("members",
						member.username() + " holds no clinical role (prescriber, nurse or therapist)"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		Set<UUID> existing = new LinkedHashSet<>(this.jdbc
			.sql("select user_id from patient.care_team_member where patient_id = ? and removed_at is null")
			.param(patientId)
			.query(UUID.class)
			.list());
		Timestamp at = Timestamp.from(now);
		List<UUID> removed = existing.stream().filter((id) -> !wanted.contains(id)).toList();
		List<UUID> added = wanted.stream().filter((id) -> !existing.contains(id)).toList();
		for (UUID userId : removed) {
			this.jdbc.sql("""
					update patient.care_team_member set removed_at = ?, removed_by = ?
					where patient_id = ? and user_id = ? and removed_at is null""")
				.params(at, changedBy, patientId, userId)
				.update();
		}
		for (UUID userId : added) {
			this.jdbc.sql("""
					insert into patient.care_team_member (patient_id, user_id, added_at, added_by)
					values (?, ?, ?, ?)""").params(patientId, userId, at, changedBy).update();
		}
		if (!removed.isEmpty() || !added.isEmpty()) {
			this.events.publishEvent(new CareTeamChanged(patientId, removed, added));
		}
		return "added=" + added + " removed=" + removed;
	}

}
