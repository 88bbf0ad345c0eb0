package org.kapclinic.patient;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The search read model: one indexed SQL query per search, paged by offset. */
@Component
class PatientSearch {

	private final JdbcClient jdbc;

	PatientSearch(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param careTeamOf when not null, only patients whose current care team includes
	 * this user
	 */
	SearchPage<PatientListItem> search(PatientQuery query, UUID careTeamOf, LocalDate today, int page, int size) {
		StringBuilder sql = new StringBuilder("""
				select p.id, p.mrn, p.given_name, p.family_name, p.preferred_name, p.pronouns, p.birth_date
				from patient.patient p where true""");
		List<Object> params = new ArrayList<>();
		if (query instanceof PatientQuery.ByMrn byMrn) {
			sql.append(" and p.mrn = ?");
			params.add(byMrn.mrn());
		}
		else if (query instanceof PatientQuery.ByBirthDate byBirthDate) {
			sql.append(" and p.birth_date = ?");
			params.add(byBirthDate.birthDate());
		}
		else if (query instanceof PatientQuery.ByName byName) {
			for (String prefix : byName.prefixes()) {
				sql.append(" and (lower(p.family_name) like ? or lower(p.given_name) like ?"
						+ " or lower(p.preferred_name) like ?)");
				params.add(prefix);
				params.add(prefix);
				params.add(prefix);
			}
		}
		if (careTeamOf != null) {
			sql.append(" and exists (select 1 from patient.care_team_member c"
					+ " where c.patient_id = p.id and c.user_id = ? and c.removed_at is null)");
			params.add(careTeamOf);
		}
		sql.append(" order by lower(p.family_name), lower(p.given_name), p.id limit ? offset ?");
		params.add(size + 1);
		params.add((long) page * size);
		List<PatientListItem> rows = this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			LocalDate birthDate = rs.getObject("birth_date", LocalDate.class);
			return new PatientListItem(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getString("given_name"),
					rs.getString("family_name"), rs.getString("preferred_name"), rs.getString("pronouns"), birthDate,
					Period.between(birthDate, today).getYears());
		}).list();
		boolean hasNext = rows.size() > size;
		return new SearchPage<>(hasNext ? rows.subList(0, size) : rows, page, size, hasNext);
	}

}
