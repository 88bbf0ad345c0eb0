package org.kapclinic.patient;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.patient.DuplicateMatch.MatchedOn;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Other systems' identifiers of our patients (V120): checked and kept with a referral
 * (the chart's reads, {@link PatientReads} and {@link PatientCriteriaSearch}, carry
 * them). One system's identifier names one person, so a referral carrying an identifier
 * another patient already holds is refused as a duplicate of that patient, shown as the
 * duplicate check shows any match (without identity to a user outside that patient's care
 * teams).
 */
@Component
class ExternalIdentifiers {

	private static final String HOLDERS = """
			select p.id, p.mrn, coalesce(p.preferred_name, p.given_name) || ' ' || p.family_name as name, p.birth_date
			from patient.external_identifier e join patient.patient p on p.id = e.patient_id
			where e.system = ? and e.value = ?""";

	private final JdbcClient jdbc;

	private final CareTeamAccess access;

	private final AuditTrail audit;

	private final Clock clock;

	ExternalIdentifiers(JdbcClient jdbc, CareTeamAccess access, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.access = access;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * What is wrong with the identifiers' form, each naming its field
	 * ({@code identifier[i].system}, …); empty when they may be kept.
	 */
	static List<FieldProblem> problems(List<ExternalIdentifier> identifiers) {
		List<FieldProblem> problems = new ArrayList<>();
		if (identifiers.size() > ExternalIdentifier.MAX) {
			problems.add(new FieldProblem("identifier", "at most " + ExternalIdentifier.MAX + " identifiers"));
		}
		for (int i = 0; i < identifiers.size(); i++) {
			ExternalIdentifier identifier = identifiers.get(i);
			if (!isUri(identifier.system())) {
				problems.add(new FieldProblem("identifier[" + i + "].system",
						"an absolute URI of at most " + ExternalIdentifier.MAX_SYSTEM + " characters"));
			}
			String value = identifier.value();
			if (value == null || value.isBlank() || value.length() > ExternalIdentifier.MAX_VALUE) {
				problems.add(new FieldProblem("identifier[" + i + "].value",
						"1–" + ExternalIdentifier.MAX_VALUE + " characters"));
			}
		}
		return problems;
	}

	/**
	 * Refuses identifiers another patient holds, as a possible duplicate of that patient
	 * (each shown match audited, as the registration's duplicate check does).
	 */
	void requireUnheld(Collection<ExternalIdentifier> identifiers, StaffMember user) {
		List<DuplicateMatch> shown = new ArrayList<>();
		// A holder of several of the identifiers is one match, shown and audited once.
		Set<UUID> holders = new HashSet<>();
		for (ExternalIdentifier identifier : identifiers) {
			this.jdbc.sql(HOLDERS).params(identifier.system(), identifier.value()).query((rs, n) -> {
				UUID id = rs.getObject("id", UUID.class);
				if (!holders.add(id)) {
					return null;
				}
				DuplicateMatch match = new DuplicateMatch(id, rs.getString("mrn"), rs.getString("name"),
						rs.getObject("birth_date", java.time.LocalDate.class), List.of(MatchedOn.IDENTIFIER));
				boolean visible = this.access.canSee(user, id);
				this.audit.recordIndependently(AuditEvent.of(AuditAction.QUERY, PatientAccessPolicy.RESOURCE, id)
					.patient(id)
					.category(DataCategory.DEMOGRAPHICS)
					.detail("shown as the holder of a referral's identifier from " + identifier.system()
							+ (visible ? "" : " without identity (outside the user's care teams)")
							+ "; nothing registered"));
				return visible ? match : match.withoutIdentity();
			}).list().stream().filter(Objects::nonNull).forEach(shown::add);
		}
		if (!shown.isEmpty()) {
			throw new PossibleDuplicateException(shown);
		}
	}

	/**
	 * Keeps the identifiers for a patient registered in the same transaction; one taken
	 * meanwhile by a concurrent referral is refused like {@link #requireUnheld}.
	 */
	void keep(UUID patientId, Collection<ExternalIdentifier> identifiers, StaffMember user) {
		Timestamp now = Timestamp.from(Instant.now(this.clock));
		for (ExternalIdentifier identifier : identifiers) {
			int added = this.jdbc.sql("""
					insert into patient.external_identifier (patient_id, system, value, recorded_at, recorded_by)
					values (?, ?, ?, ?, ?) on conflict do nothing""")
				.params(patientId, identifier.system(), identifier.value(), now, user.id())
				.update();
			if (added == 0) {
				requireUnheld(List.of(identifier), user);
			}
		}
	}

	private static boolean isUri(String system) {
		if (system == null || system.isBlank() || system.length() > ExternalIdentifier.MAX_SYSTEM) {
			return false;
		}
		try {
			return new java.net.URI(system).isAbsolute();
		}
		catch (java.net.URISyntaxException ex) {
			return false;
		}
	}

}
