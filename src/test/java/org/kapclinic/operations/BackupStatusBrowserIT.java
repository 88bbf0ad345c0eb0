package org.kapclinic.operations;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backup status (issue 17) as an administrator finds it: the admin menu's Backups
 * page says what is wrong with the suite's database (no WAL archiving, no backup folder
 * set).
 */
class BackupStatusBrowserIT extends IntegrationTest {

	@Test
	void anAdministratorFindsTheStatusInTheAdminMenu() throws Exception {
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("admin", PASSWORD);
			browser.click(By.id("nav-admin"));
			browser.click(By.linkText("Backups"));
			assertThat(browser.text(By.tagName("h1"))).isEqualTo("Backups");
			assertThat(browser.text(By.id("backup-warnings"))).contains("WAL archiving is off",
					"kap.backup.dir is not set");
			assertThat(browser.text(By.id("archiving"))).isEqualTo("Off");
		}
	}

}
