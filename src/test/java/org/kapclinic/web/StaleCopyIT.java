package org.kapclinic.web;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An administrator's copy of a versioned document taken before another version was
 * published is never published over it ({@code shared/EditedCopy}): the editor shows the
 * newer version with the reason, and no version is added.
 */
class StaleCopyIT extends IntegrationTest {

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "/admin/protocols/IV_KETAMINE, dosing.protocol, code, IV_KETAMINE",
			"/admin/note-templates/INTEGRATION, notes.note_template, code, INTEGRATION",
			"/admin/course-templates/KAP_IN_SESSION, scheduling.course_template, code, KAP_IN_SESSION" })
	void aCopyOfAnOlderVersionIsShownTheNewerOneInstead(String editor, String table, String column, String code) {
		BrowserSession admin = BrowserSession.signIn(this.port, "admin", PASSWORD);
		int versions = versions(table, column, code);
		HttpResponse<String> refused = admin.post(editor + "/edit", editor, Map.of("baseVersion", "0"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("was published while you edited: this copy shows it now.");
		assertThat(versions(table, column, code)).as("nothing published").isEqualTo(versions);
	}

	private int versions(String table, String column, String code) {
		return this.jdbc.sql("select count(*) from " + table + " where " + column + " = ?")
			.param(code)
			.query(Integer.class)
			.single();
	}

}
