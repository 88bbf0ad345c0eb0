package org.kapclinic;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every stored state and vocabulary is an enum in the code and a check constraint in the
 * database, with the same codes (issue 15 item 2): a code added to an enum without a
 * migration fails here, not at a patient's bedside; a code retired from an enum while
 * stored rows still use it must stay in both (the label falls back to words).
 */
class VocabularyConstraintsIT extends IntegrationTest {

	private static final Pattern LITERAL = Pattern.compile("'([A-Z][A-Z0-9_]*)'::text");

	@ParameterizedTest(name = "{0}.{1} = {2}")
	@CsvSource({ "dosing.session, state, org.kapclinic.dosing.SessionState",
			"dosing.session, route, org.kapclinic.dosing.Route",
			"dosing.administration, kind, org.kapclinic.dosing.AdministrationKind",
			"dosing.observation, kind, org.kapclinic.dosing.ObservationKind",
			"dosing.observation, effect, org.kapclinic.dosing.SideEffect",
			"dosing.observation, severity, org.kapclinic.dosing.EventSeverity",
			"scheduling.appointment, status, org.kapclinic.scheduling.AppointmentStatus",
			"scheduling.appointment, type, org.kapclinic.scheduling.AppointmentType",
			"scheduling.course, status, org.kapclinic.scheduling.CourseStatus",
			"notes.note, type, org.kapclinic.notes.NoteType",
			"notes.group_attendance, status, org.kapclinic.notes.Attendance",
			"intake.consultation_request, status, org.kapclinic.intake.consultation.ConsultationStatus",
			"intake.consent_signature, signer_role, org.kapclinic.intake.ConsentSignature$SignerRole",
			"identity.user_role, role, org.kapclinic.identity.Role",
			"ledger.lot, product, org.kapclinic.ledger.Product",
			"tasks.care_task, priority, org.kapclinic.tasks.TaskPriority",
			"patient.patient, sex_at_birth, org.kapclinic.patient.SexAtBirth" })
	void theDatabaseAcceptsExactlyTheEnumsCodes(String table, String column, String enumClass) throws Exception {
		Set<String> codes = Arrays.stream(Class.forName(enumClass).getEnumConstants())
			.map((constant) -> ((Enum<?>) constant).name())
			.collect(Collectors.toCollection(TreeSet::new));
		List<String> checks = this.jdbc.sql("""
				select pg_get_constraintdef(c.oid) from pg_constraint c
				join pg_attribute a on a.attrelid = c.conrelid and a.attnum = any(c.conkey)
				where c.contype = 'c' and c.conrelid = ?::regclass and a.attname = ? and cardinality(c.conkey) = 1""")
			.params(table, column)
			.query(String.class)
			.list();
		Set<String> allowed = new TreeSet<>();
		for (String check : checks) {
			Matcher literal = LITERAL.matcher(check);
			while (literal.find()) {
				allowed.add(literal.group(1));
			}
		}
		assertThat(allowed).as(table + "." + column + " check constraint").isEqualTo(codes);
	}

}
