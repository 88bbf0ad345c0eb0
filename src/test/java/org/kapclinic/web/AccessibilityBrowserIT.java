package org.kapclinic.web;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14: axe-core (npm, src/test/js) finds no serious or critical WCAG 2.1 A/AA
 * violation on the ten pages the clinic uses most, each opened as the role that uses it,
 * and on the public consultation form.
 */
public class AccessibilityBrowserIT extends IntegrationTest {

	private static final Path AXE = Path.of("src/test/js/node_modules/axe-core/axe.min.js");

	private static final String RUN = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })
			  .then((r) => done(r.violations
			    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
			    .map((v) => v.id + ' (' + v.impact + '): ' + v.help + ' at '
			      + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', '))))
			  .catch((e) => done(['axe failed: ' + e]));
			""";

	@Test
	void theBusiestPagesHaveNoSeriousOrCriticalViolations() throws Exception {
		String axe = Files.readString(AXE);
		UUID session = this.jdbc.sql(
				"select id from dosing.session where state not in ('DISCHARGED', 'ABORTED') order by checked_in_at limit 1")
			.query(UUID.class)
			.single();
		UUID patient = this.jdbc.sql("select patient_id from dosing.session where id = ?")
			.param(session)
			.query(UUID.class)
			.single();
		List<String> found = new ArrayList<>();
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
			check(browser, axe, "/consultation", found);
			check(browser, axe, "/donate", found);
			check(browser, axe, "/portal/login", found);
			browser.signIn("dr.quill", PASSWORD);
			for (String page : List.of("/patients", "/patients/" + patient, "/patients/" + patient + "/eligibility",
					"/patients/" + patient + "/notes", "/patients/" + patient + "/measures", "/schedule",
					"/dosing/board", "/dosing/sessions/" + session, "/tasks", "/consultations",
					"/patients/" + patient + "/dosing", "/patients/" + patient + "/maintenance",
					"/patients/" + patient + "/labs", "/safety/maintenance-reviews",
					"/patients/" + patient + "/misuse-signals", "/reports/safety",
					"/patients/" + patient + "/portal")) {
				check(browser, axe, page, found);
			}
		}
		// The pages added last (issue 14 item 9): circles and the administrators'
		// editors.
		UUID circle = this.jdbc.sql("select id from scheduling.group_session order by start_at limit 1")
			.query(UUID.class)
			.single();
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
			browser.signIn("admin", PASSWORD);
			for (String page : List.of("/circles", "/circles/" + circle, "/admin/clinic",
					"/admin/protocols/IV_KETAMINE", "/admin/protocols/IV_KETAMINE/edit", "/admin/course-templates",
					"/admin/course-templates/MAINTENANCE_BOOSTER/edit", "/admin/note-templates",
					"/admin/note-templates/INTEGRATION/edit", "/admin/audit", "/admin/disclosures",
					"/break-glass/reviews", "/break-glass", "/account/two-factor", "/admin/backups",
					"/reports/outcomes", "/fund", "/fund/applications", "/billing", "/admin/billing",
					"/billing/patients/" + this.jdbc.sql("select id from patient.patient order by mrn limit 1")
						.query(UUID.class)
						.single())) {
				check(browser, axe, page, found);
			}
		}
		assertThat(found).as("serious or critical accessibility violations").isEmpty();
	}

	/**
	 * Opens {@code page} and adds its serious and critical violations to {@code found}
	 * (also for pages other tests reach, such as the patient portal's).
	 */
	@SuppressWarnings("unchecked")
	public static void check(Chromium browser, String page, List<String> found) throws java.io.IOException {
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		check(browser, Files.readString(AXE), page, found);
	}

	@SuppressWarnings("unchecked")
	private static void check(Chromium browser, String axe, String page, List<String> found) {
		browser.open(page);
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		js.executeScript(axe);
		for (Object violation : (List<Object>) js.executeAsyncScript(RUN)) {
			found.add(page + ": " + violation);
		}
	}

}
