package org.kapclinic.dosing;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 9, protocols: an administrator reads the IV protocol, edits a copy, is
 * refused a hard maximum above the route's ceiling (IV 1.0 mg/kg, clinical.md 1.1;
 * {@link ProtocolRules#ABSOLUTE_CEILING}) and a value that is not a number, each beside
 * its field with what was typed kept, then publishes the copy as the next version, which
 * the protocol page shows with its history. Only the source text changes, so the sessions
 * other tests start behave as before.
 */
class ProtocolEditorBrowserIT extends IntegrationTest {

	@Test
	void anAdministratorPublishesAnEditedCopyAfterTheRulesRefuseAnUnsafeOne() throws Exception {
		int before = this.jdbc.sql("select max(version) from dosing.protocol where code = 'IV_KETAMINE'")
			.query(Integer.class)
			.single();
		String note = "Reviewed by the medical director (fictional review "
				+ UUID.randomUUID().toString().substring(0, 8) + ")";
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("admin", PASSWORD);
			browser.open("/patients");
			browser.click(By.id("nav-admin"));
			browser.click(By.linkText("Protocols"));
			browser.waitForText("Dosing protocols");
			browser.click(By.partialLinkText("IV racemic ketamine infusion"));
			assertThat(browser.waitForText("Pre-dose hold")).contains("Intravenous infusion · doses in mg/kg",
					"Hard maximum", "Fasting as instructed");
			assertThat(browser.text(By.id("v-p-hardMaximum"))).isEqualTo("1.0");

			browser.click(By.id("edit-copy"));
			browser.waitForText("Edit a copy");
			browser.type(By.id("p-hardMaximum"), "3.0");
			browser.type(By.id("p-alerts-heartRateAbove"), "fast");
			browser.click(By.id("publish-protocol"));
			assertThat(browser.confirm()).contains("Publish version " + (before + 1), "cannot be changed");
			assertThat(browser.waitForText("Not published")).contains("values need a change");
			assertThat(browser.text(By.id("p-hardMaximum-error"))).as("the IV ceiling, beside its field")
				.contains("1.0");
			assertThat(browser.text(By.id("p-alerts-heartRateAbove-error"))).contains("enter whole numbers");
			assertThat(browser.find(By.id("p-hardMaximum")).getAttribute("value")).as("what was typed is kept")
				.isEqualTo("3.0");
			assertThat(this.jdbc.sql("select max(version) from dosing.protocol where code = 'IV_KETAMINE'")
				.query(Integer.class)
				.single()).as("nothing published").isEqualTo(before);

			browser.type(By.id("p-hardMaximum"), "1.0");
			browser.type(By.id("p-alerts-heartRateAbove"), "120");
			browser.type(By.id("p-sources-hardMaximum"), note);
			browser.click(By.id("publish-protocol"));
			browser.confirm();
			browser.waitForText("Version " + (before + 1) + " published.");
			assertThat(browser.text(By.id("protocol-version"))).isEqualTo("version " + (before + 1));
			assertThat(browser.text(By.id("v-p-sources-hardMaximum"))).isEqualTo(note);
			assertThat(browser.text(By.id("v-p-hardMaximum"))).isEqualTo("1.0");
			assertThat(browser.text(By.id("protocol-history"))).contains("Version " + (before + 1), "Version " + before,
					"shipped with KAP Clinic");

			browser.click(By.linkText("Version " + before));
			assertThat(browser.waitForText("an earlier version")).doesNotContain(note);
		}
	}

}
