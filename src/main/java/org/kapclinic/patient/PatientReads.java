package org.kapclinic.patient;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a patient for display in one round trip (the aggregate repository would take four
 * or more). Writes still go through {@link PatientRepository}.
 */
@Component
class PatientReads {

	private static final String SQL = """
			select p.*, g.position as g_position, g.name as g_name, g.relationship as g_relationship,
			       g.phone as g_phone, g.email as g_email,
			       array(select c.user_id from patient.care_team_member c
			             where c.patient_id = p.id and c.removed_at is null order by c.added_at, c.user_id) as team_ids,
			       array(select c.added_at from patient.care_team_member c
			             where c.patient_id = p.id and c.removed_at is null order by c.added_at, c.user_id) as team_added,
			       array(select e.system from patient.external_identifier e where e.patient_id = p.id
			             order by e.system collate "C", e.value collate "C") as x_systems,
			       array(select e.value from patient.external_identifier e where e.patient_id = p.id
			             order by e.system collate "C", e.value collate "C") as x_values,
			       w.weight_kg, w.measured_at as weight_at, h.height_cm, h.measured_at as height_at
			from patient.patient p
			left join patient.guardian g on g.patient_id = p.id
			left join lateral (select weight_kg, measured_at from patient.body_measurement
			                   where patient_id = p.id and voided_at is null and weight_kg is not null
			                   order by measured_at desc limit 1) w on true
			left join lateral (select height_cm, measured_at from patient.body_measurement
			                   where patient_id = p.id and voided_at is null and height_cm is not null
			                   order by measured_at desc limit 1) h on true
			where p.id = ?
			order by g.position""";

	private final JdbcClient jdbc;

	PatientReads(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<PatientRecord> find(UUID id) {
		List<Guardian> guardians = new ArrayList<>();
		List<PatientRecord> found = new ArrayList<>(1);
		this.jdbc.sql(SQL).param(id).query((ResultSet rs) -> {
			if (found.isEmpty()) {
				found.add(map(rs, guardians));
			}
			if (rs.getObject("g_position") != null) {
				guardians.add(new Guardian(rs.getString("g_name"), rs.getString("g_relationship"),
						rs.getString("g_phone"), rs.getString("g_email")));
			}
		});
		return found.stream().findFirst();
	}

	private static PatientRecord map(ResultSet rs, List<Guardian> guardians) throws SQLException {
		String sex = rs.getString("sex_at_birth");
		return new PatientRecord(rs.getObject("id", UUID.class), rs.getString("mrn"), rs.getLong("version"),
				rs.getString("given_name"), rs.getString("family_name"), rs.getString("preferred_name"),
				rs.getString("pronouns"), rs.getObject("birth_date", LocalDate.class),
				(sex != null) ? SexAtBirth.valueOf(sex) : null, rs.getString("gender_identity"), rs.getString("phone"),
				rs.getString("email"), address(rs), emergency(rs), provider(rs, "primary_care_"),
				provider(rs, "outside_therapist_"), guardians, team(rs),
				new LatestBody(rs.getBigDecimal("weight_kg"), instant(rs, "weight_at"), rs.getBigDecimal("height_cm"),
						instant(rs, "height_at")),
				instant(rs, "created_at"), instant(rs, "updated_at"), PatientCriteriaSearch.identifiers(rs));
	}

	static Address address(ResultSet rs) throws SQLException {
		Address address = new Address(rs.getString("address_line1"), rs.getString("address_line2"),
				rs.getString("address_city"), rs.getString("address_region"), rs.getString("address_postal_code"),
				rs.getString("address_country"));
		return address.isEmpty() ? null : address;
	}

	private static EmergencyContact emergency(ResultSet rs) throws SQLException {
		EmergencyContact contact = new EmergencyContact(rs.getString("emergency_contact_name"),
				rs.getString("emergency_contact_relationship"), rs.getString("emergency_contact_phone"));
		return contact.isEmpty() ? null : contact;
	}

	private static ProviderContact provider(ResultSet rs, String prefix) throws SQLException {
		ProviderContact contact = new ProviderContact(rs.getString(prefix + "name"),
				rs.getString(prefix + "organization"), rs.getString(prefix + "phone"), rs.getString(prefix + "email"));
		return contact.isEmpty() ? null : contact;
	}

	private static List<PatientRecord.TeamSeat> team(ResultSet rs) throws SQLException {
		Array ids = rs.getArray("team_ids");
		Array added = rs.getArray("team_added");
		Object[] idValues = (Object[]) ids.getArray();
		Object[] addedValues = (Object[]) added.getArray();
		List<PatientRecord.TeamSeat> team = new ArrayList<>(idValues.length);
		for (int i = 0; i < idValues.length; i++) {
			team.add(new PatientRecord.TeamSeat((UUID) idValues[i], ((Timestamp) addedValues[i]).toInstant()));
		}
		return team;
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}
