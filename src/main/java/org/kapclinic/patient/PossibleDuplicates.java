package org.kapclinic.patient;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.kapclinic.patient.DuplicateMatch.MatchedOn;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Finds patients a registration may duplicate: the same family name (compared like
 * search: case and accents ignored) and date of birth, or the same e-mail (case ignored),
 * or the same phone (digits only). Each arm is answered by an index (birth date, V3;
 * e-mail and phone digits, V64), so the check stays a few index probes with 100,000
 * patients.
 */
@Component
class PossibleDuplicates {

	/** At most this many matches are shown, strongest (name and birth date) first. */
	static final int LIMIT = 10;

	/** Fewer digits than this are not a phone number worth matching on. */
	private static final int MIN_PHONE_DIGITS = 7;

	static final String SQL = """
			select id, mrn, coalesce(preferred_name, given_name) || ' ' || family_name as name, birth_date,
			    coalesce(family_key = :family and birth_date = :birthDate, false) as same_name,
			    coalesce(lower(email) = :email, false) as same_email,
			    coalesce(regexp_replace(phone, '[^0-9]', '', 'g') = :phone, false) as same_phone
			from patient.patient
			where (family_key = :family and birth_date = :birthDate)
			   or lower(email) = :email
			   or regexp_replace(phone, '[^0-9]', '', 'g') = :phone
			order by same_name desc, family_key, given_key, id
			limit :limit""";

	private final JdbcClient jdbc;

	PossibleDuplicates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<DuplicateMatch> of(PatientDetails details) {
		if (details.familyName() == null || details.birthDate() == null) {
			return List.of();
		}
		return this.jdbc.sql(SQL)
			.param("family", SearchKeys.of(details.familyName()))
			.param("birthDate", details.birthDate())
			.param("email", email(details.email()))
			.param("phone", phoneDigits(details.phone()))
			.param("limit", LIMIT)
			.query((rs, n) -> {
				List<MatchedOn> matchedOn = new ArrayList<>();
				if (rs.getBoolean("same_name")) {
					matchedOn.add(MatchedOn.NAME_AND_BIRTH_DATE);
				}
				if (rs.getBoolean("same_email")) {
					matchedOn.add(MatchedOn.EMAIL);
				}
				if (rs.getBoolean("same_phone")) {
					matchedOn.add(MatchedOn.PHONE);
				}
				return new DuplicateMatch(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getString("name"),
						rs.getObject("birth_date", java.time.LocalDate.class), matchedOn);
			})
			.list();
	}

	static String email(String email) {
		String clean = Texts.clean(email);
		return (clean == null) ? null : clean.toLowerCase(Locale.ROOT);
	}

	static String phoneDigits(String phone) {
		if (phone == null) {
			return null;
		}
		String digits = phone.replaceAll("[^0-9]", "");
		return (digits.length() < MIN_PHONE_DIGITS) ? null : digits;
	}

}
