package org.kapclinic.audit;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit report walked in Chromium as an administrator: a prescriber registers a
 * patient; the administrator finds who touched that chart by typing the patient's name,
 * narrows it to one data category and user, and reaches the CSV of the same filter; then
 * opens the clinic's accounting of disclosures.
 */
class AuditReportBrowserIT extends IntegrationTest {

	@Test
	void anAdministratorFindsAChartsEntriesByTheName() throws Exception {
		String family = "Reportson" + letters();
		try (Chromium prescriber = Chromium.start(this.port, 1280, 900)) {
			prescriber.signIn("dr.quill", PASSWORD);
			prescriber.registerPatient("Oona", family, "1977-07-17");
		}
		try (Chromium admin = Chromium.start(this.port, 1280, 900)) {
			admin.signIn("admin", PASSWORD);
			admin.click(By.id("nav-admin"));
			admin.click(By.linkText("Audit"));
			admin.type(By.id("patient"), "Oona " + family);
			admin.type(By.id("user"), "dr.quill");
			new Select(admin.find(By.id("category"))).selectByVisibleText("Demographics");
			admin.click(By.id("audit-filter"));
			admin.waitForText("Oona " + family + " (");
			String table = admin.text(By.cssSelector("table tbody"));
			assertThat(table).contains("dr.quill", "Created", "Demographics").doesNotContain("Clinical");
			assertThat(admin.find(By.id("audit-csv")).getAttribute("href")).contains("/admin/audit/report.csv?")
				.contains("category=DEMOGRAPHICS", "user=dr.quill");

			admin.click(By.id("nav-admin"));
			admin.click(By.linkText("Disclosures"));
			admin.waitForText("Accounting of disclosures");
		}
	}

}
