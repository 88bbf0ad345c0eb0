package org.kapclinic.scheduling;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change to a versioned row moves its version on, whoever makes it (V31, V70, V71):
 * the code no longer bumps versions itself, so an update written by hand here, as any
 * future code path would, must still move it. (A course's version is followed through its
 * API in {@link SchedulingIT}, a note's in {@code NotesIT}.)
 */
class VersionTriggersIT extends IntegrationTest {

	@ParameterizedTest
	@ValueSource(strings = { "scheduling.appointment", "dosing.session" })
	void anUpdateMovesTheVersionOn(String table) {
		Map<String, Object> row = this.jdbc.sql("select id, version from " + table + " order by id limit 1")
			.query()
			.singleRow();
		UUID id = (UUID) row.get("id");
		int before = ((Number) row.get("version")).intValue();
		this.jdbc.sql("update " + table + " set id = id where id = ?").param(id).update();
		int after = this.jdbc.sql("select version from " + table + " where id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		assertThat(after).as(table).isEqualTo(before + 1);
	}

}
