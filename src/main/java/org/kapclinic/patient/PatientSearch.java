package org.kapclinic.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The search read model: one SQL statement per search, built so that the common case (a
 * family-name prefix) is an index range scan already in result order that stops after one
 * page, however many patients share the prefix.
 */
@Component
class PatientSearch {

	private static final String COLUMNS = "p.id, p.mrn, p.given_name, p.family_name, p.preferred_name, p.pronouns,"
			+ " p.birth_date, p.family_key, p.given_key";

	private static final String ORDER = " order by family_key, given_key, id";

	private static final List<String> NAME_KEYS = List.of("family_key", "given_key", "preferred_key");

	private final JdbcClient jdbc;

	PatientSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param careTeamOf when not null, only patients whose current care team includes
	 * this user
	 */
	SearchPage<PatientListItem> search(PatientQuery query, UUID careTeamOf, LocalDate today, int page, int size) {
		List<Object> params = new ArrayList<>();
		String sql;
		if (query instanceof PatientQuery.ByName byName && !byName.prefixes().isEmpty()) {
			sql = byName(byName.prefixes(), careTeamOf, page * size + size + 1, params);
		}
		else {
			StringBuilder where = new StringBuilder(" where true");
			if (query instanceof PatientQuery.ByMrn byMrn) {
				where.append(" and p.mrn = ?");
				params.add(byMrn.mrn());
			}
			else if (query instanceof PatientQuery.ByDigits byDigits) {
				// Both arms are indexed: the MRN's unique index and the phone digits'
				// (V64).
				where.append(" and (p.mrn = ? or regexp_replace(p.phone, '[^0-9]', '', 'g') = ?)");
				params.add("KAP-" + byDigits.digits());
				params.add(byDigits.digits());
			}
			else if (query instanceof PatientQuery.ByEmail byEmail) {
				where.append(" and lower(p.email) = ?");
				params.add(byEmail.email());
			}
			else if (query instanceof PatientQuery.ByBirthDate byBirthDate) {
				where.append(" and p.birth_date = ?");
				params.add(byBirthDate.birthDate());
			}
			where.append(careTeamFilter(careTeamOf, params));
			sql = "select " + COLUMNS + " from patient.patient p" + where + ORDER;
		}
		params.add(size + 1);
		params.add((long) page * size);
		List<PatientListItem> rows = this.jdbc.sql(sql + " limit ? offset ?").params(params).query((rs, n) -> {
			LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
			return new PatientListItem(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getString("given_name"),
					rs.getString("family_name"), rs.getString("preferred_name"), rs.getString("pronouns"), birthDate,
					Period.between(birthDate, today).getYears());
		}).list();
		boolean hasNext = rows.size() > size;
		return new SearchPage<>(hasNext ? rows.subList(0, size) : rows, page, size, hasNext);
	}

	/**
	 * Every result starts one of its names with the first word, so the union of one
	 * branch per name key finds them all; the other words filter. Each branch delivers at
	 * most {@code window} rows in result order, enough for the requested page.
	 */
	private static String byName(List<String> prefixes, UUID careTeamOf, int window, List<Object> params) {
		List<String> branches = new ArrayList<>();
		for (String key : NAME_KEYS) {
			StringBuilder branch = new StringBuilder("(select " + COLUMNS + " from patient.patient p where ");
			branch.append(prefixRange(key, prefixes.get(0), params));
			for (String other : prefixes.subList(1, prefixes.size())) {
				branch.append(" and (starts_with(p.family_key, ?) or starts_with(p.given_key, ?)"
						+ " or starts_with(p.preferred_key, ?))");
				params.add(other);
				params.add(other);
				params.add(other);
			}
			branch.append(careTeamFilter(careTeamOf, params));
			branch.append(ORDER).append(" limit ?)");
			params.add(window);
			branches.add(branch.toString());
		}
		return "select * from (" + String.join(" union ", branches) + ") p" + ORDER;
	}

	/**
	 * A prefix match an index can range-scan:
	 * {@code key >= prefix and key < next(prefix)}.
	 */
	static String prefixRange(String key, String prefix, List<Object> params) {
		String upper = SearchKeys.upperBound(prefix);
		params.add(prefix);
		if (upper == null) {
			params.add(prefix);
			return "p." + key + " >= ? and starts_with(p." + key + ", ?)";
		}
		params.add(upper);
		return "p." + key + " >= ? and p." + key + " < ?";
	}

	private static String careTeamFilter(UUID careTeamOf, List<Object> params) {
		if (careTeamOf == null) {
			return "";
		}
		params.add(careTeamOf);
		return " and exists (select 1 from patient.care_team_member c"
				+ " where c.patient_id = p.id and c.user_id = ? and c.removed_at is null)";
	}

}
