package org.kapclinic.identity;

import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The role the application connects as ({@code kap_app}, issue 16 finding 3) may append
 * to and read the audit trail and nothing more: no UPDATE, DELETE or TRUNCATE there, no
 * switching triggers off, no DELETE of clinical records; it may do what the application
 * does. Each statement runs as that role in a transaction that is rolled back.
 */
class ApplicationRoleIT extends IntegrationTest {

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	JdbcTemplate template;

	@Test
	void theApplicationRoleIsRefusedDeleteFromAudit() {
		assertRefused("delete from audit.entry where id = (select min(id) from audit.entry)");
		assertRefused("update audit.entry set detail = 'x' where id = (select min(id) from audit.entry)");
		assertRefused("delete from audit.seal where position = (select max(position) from audit.seal)");
		assertRefused("truncate audit.seal");
		assertRefused("alter table audit.entry disable trigger all");
		assertRefused("set local session_replication_role = replica");
	}

	@Test
	void itCannotDeleteClinicalRecordsNorChangeTheSchema() {
		assertRefused("delete from patient.patient where id = '" + UUID.randomUUID() + "'");
		assertRefused("delete from measures.measurement where id = '" + UUID.randomUUID() + "'");
		assertRefused("delete from dosing.vitals where session_id = '" + UUID.randomUUID() + "'");
		assertRefused("delete from patient.break_glass where id = '" + UUID.randomUUID() + "'");
		assertRefused("drop table tasks.care_task");
		assertRefused("alter table patient.patient add column smuggled text");
	}

	@Test
	void theApplicationWorksAsThatRole() {
		assertThat(this.jdbc.sql("select current_user").query(String.class).single()).isEqualTo("kap_app");
	}

	@Test
	void itDoesWhatTheApplicationDoes() {
		assertAllowed("select count(*) from audit.entry");
		assertAllowed("""
				insert into audit.entry (occurred_at, actor_name, action, resource_type, outcome)
				values (now(), 'role-test', 'SYSTEM', 'Test', 'SUCCESS')""");
		assertAllowed("update patient.patient set updated_at = updated_at where false");
		assertAllowed("delete from identity.session where false");
		assertAllowed("delete from tasks.task_assignee where false");
	}

	private void assertRefused(String sql) {
		assertThatThrownBy(() -> asApplicationRole(sql)).as(sql)
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageMatching("(?s).*(permission denied|must be owner|must be superuser).*");
	}

	private void assertAllowed(String sql) {
		asApplicationRole(sql);
	}

	private void asApplicationRole(String sql) {
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			status.setRollbackOnly();
			this.template.execute("set local role kap_app");
			this.template.execute(sql);
		});
	}

}
