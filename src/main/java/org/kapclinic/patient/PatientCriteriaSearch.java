package org.kapclinic.patient;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One statement per structured search ({@link PatientCriteria}). The driving part (the
 * MRN, else a name prefix, else a family or given prefix) is an index range scan already
 * in result order (family, given, id); the other parts filter. A name prefix may start
 * any of three names, so it runs as a union of three ranges, each stopping after the
 * page.
 */
@Component
class PatientCriteriaSearch {

	private static final String KEYS = "p.id, p.family_key, p.given_key";

	private static final String ORDER = " order by family_key, given_key, id";

	private static final String GUARDIANS = """
			array(select g.name from patient.guardian g where g.patient_id = p.id order by g.position) as g_names,
			array(select g.relationship from patient.guardian g where g.patient_id = p.id order by g.position) as g_relations,
			array(select g.phone from patient.guardian g where g.patient_id = p.id order by g.position) as g_phones,
			array(select g.email from patient.guardian g where g.patient_id = p.id order by g.position) as g_emails,
			array(select e.system from patient.external_identifier e where e.patient_id = p.id
			      order by e.system collate "C", e.value collate "C") as x_systems,
			array(select e.value from patient.external_identifier e where e.patient_id = p.id
			      order by e.system collate "C", e.value collate "C") as x_values""";

	private final JdbcClient jdbc;

	PatientCriteriaSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param careTeamOf when not null, only patients whose current care team includes
	 * this user
	 */
	List<RegisteredPatient> search(PatientCriteria criteria, UUID careTeamOf, int offset, int limit) {
		List<Object> params = new ArrayList<>();
		String name = SearchKeys.of(criteria.name());
		String family = SearchKeys.of(criteria.family());
		String given = SearchKeys.of(criteria.given());
		String keys;
		if (criteria.mrn() == null && name != null) {
			List<String> branches = new ArrayList<>();
			for (String key : List.of("family_key", "given_key", "preferred_key")) {
				branches.add("(select " + KEYS + " from patient.patient p where "
						+ PatientSearch.prefixRange(key, name, params)
						+ filters(criteria, family, given, careTeamOf, params) + ORDER + " limit ?)");
				params.add(offset + limit);
			}
			keys = String.join(" union ", branches);
		}
		else {
			String driving;
			if (criteria.mrn() != null) {
				driving = "p.mrn = ?";
				params.add(criteria.mrn());
			}
			else if (criteria.identifier() != null) {
				// (system, value) is the key: one patient at most.
				driving = "p.id = (select patient_id from patient.external_identifier where system = ? and value = ?)";
				params.add(criteria.identifier().system());
				params.add(criteria.identifier().value());
			}
			else {
				driving = (family != null) ? PatientSearch.prefixRange("family_key", family, params)
						: (given != null) ? PatientSearch.prefixRange("given_key", given, params) : "true";
			}
			keys = "select " + KEYS + " from patient.patient p where " + driving
					+ filters(criteria, family, given, careTeamOf, params) + ORDER + " limit ?";
			params.add(offset + limit);
		}
		params.add(limit);
		params.add(offset);
		String sql = "select p.*, " + GUARDIANS + " from (" + keys + ") k join patient.patient p on p.id = k.id"
				+ " order by k.family_key, k.given_key, k.id limit ? offset ?";
		return this.jdbc.sql(sql).params(params).query((rs, n) -> map(rs)).list();
	}

	/** The parts that filter (the driving part is repeated harmlessly). */
	private static String filters(PatientCriteria criteria, String family, String given, UUID careTeamOf,
			List<Object> params) {
		StringBuilder where = new StringBuilder();
		if (family != null) {
			where.append(" and starts_with(p.family_key, ?)");
			params.add(family);
		}
		if (given != null) {
			where.append(" and (starts_with(p.given_key, ?) or starts_with(p.preferred_key, ?))");
			params.add(given);
			params.add(given);
		}
		if (criteria.bornFrom() != null) {
			where.append(" and p.birth_date >= ?");
			params.add(criteria.bornFrom());
		}
		if (criteria.bornTo() != null) {
			where.append(" and p.birth_date <= ?");
			params.add(criteria.bornTo());
		}
		if (criteria.identifier() != null) {
			where.append(" and exists (select 1 from patient.external_identifier e")
				.append(" where e.patient_id = p.id and e.system = ? and e.value = ?)");
			params.add(criteria.identifier().system());
			params.add(criteria.identifier().value());
		}
		if (careTeamOf != null) {
			where.append(" and exists (select 1 from patient.care_team_member c")
				.append(" where c.patient_id = p.id and c.user_id = ? and c.removed_at is null)");
			params.add(careTeamOf);
		}
		return where.toString();
	}

	private static RegisteredPatient map(ResultSet rs) throws SQLException {
		String sex = rs.getString("sex_at_birth");
		return new RegisteredPatient(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getLong("version"),
				rs.getString("given_name"), rs.getString("family_name"), rs.getString("preferred_name"),
				rs.getObject("birth_date", LocalDate.class), (sex != null) ? SexAtBirth.valueOf(sex) : null,
				rs.getString("gender_identity"), rs.getString("phone"), rs.getString("email"), PatientReads.address(rs),
				guardians(rs), rs.getTimestamp("updated_at").toInstant(), identifiers(rs));
	}

	/**
	 * Other systems' identifiers from the {@code x_systems} and {@code x_values} columns.
	 */
	static List<ExternalIdentifier> identifiers(ResultSet rs) throws SQLException {
		Object[] systems = (Object[]) rs.getArray("x_systems").getArray();
		Object[] values = (Object[]) rs.getArray("x_values").getArray();
		List<ExternalIdentifier> identifiers = new ArrayList<>(systems.length);
		for (int i = 0; i < systems.length; i++) {
			identifiers.add(new ExternalIdentifier((String) systems[i], (String) values[i]));
		}
		return identifiers;
	}

	private static List<Guardian> guardians(ResultSet rs) throws SQLException {
		Object[] names = (Object[]) rs.getArray("g_names").getArray();
		Object[] relations = (Object[]) rs.getArray("g_relations").getArray();
		Object[] phones = (Object[]) rs.getArray("g_phones").getArray();
		Object[] emails = (Object[]) rs.getArray("g_emails").getArray();
		List<Guardian> guardians = new ArrayList<>(names.length);
		for (int i = 0; i < names.length; i++) {
			guardians
				.add(new Guardian((String) names[i], (String) relations[i], (String) phones[i], (String) emails[i]));
		}
		return guardians;
	}

}
