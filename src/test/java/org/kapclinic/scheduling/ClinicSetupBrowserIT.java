package org.kapclinic.scheduling;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.BrowserSession;
import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 9, the clinic's setup as an administrator does it through the pages: a
 * chair with its equipment, opening hours, a holiday, a nurse's hours and time off, and a
 * chair taken out of use (asked first). Opening and staff hours are cleared again at the
 * end: every other test books against the same clinic.
 */
class ClinicSetupBrowserIT extends IntegrationTest {

	@Test
	void anAdministratorSetsUpChairsHoursHolidaysAndStaffTime() throws Exception {
		String chair = "Chair Z-" + UUID.randomUUID().toString().substring(0, 5);
		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("admin", PASSWORD);
			browser.open("/patients");
			browser.click(By.id("nav-admin"));
			browser.click(By.linkText("Clinic setup"));
			browser.waitForText("Chairs and rooms");

			browser.type(By.id("room-name"), chair);
			browser.click(By.xpath("//label[normalize-space()='IV pump']"));
			browser.click(By.xpath("//label[normalize-space()='pulse oximeter']"));
			browser.click(By.id("save-room"));
			browser.waitForText("Added.");
			assertThat(browser.text(By.id("rooms"))).contains(chair, "Treatment chair", "IV pump, pulse oximeter");

			try {
				browser.setValue(By.id("open1"), "08:00");
				browser.setValue(By.id("close1"), "18:00");
				browser.setValue(By.id("open2"), "08:00");
				browser.click(By.id("save-hours"));
				assertThat(browser.waitForText("Not saved")).as("a day needs both times")
					.contains("Tuesday needs both times");
				assertThat(browser.find(By.id("close1")).getAttribute("value")).as("what was typed is kept")
					.isEqualTo("18:00");
				browser.setValue(By.id("close2"), "18:00");
				browser.click(By.id("save-hours"));
				browser.waitForText("Opening hours saved.");
				assertThat(browser.find(By.id("close2")).getAttribute("value")).isEqualTo("18:00");
			}
			finally {
				clearClinicHours();
			}

			browser.setValue(By.id("holiday-day"), "2090-01-02");
			browser.type(By.id("holiday-name"), "Founders' day (fictional)");
			browser.click(By.id("save-holiday"));
			browser.waitForText("Holiday added.");
			assertThat(browser.text(By.id("holidays"))).contains("2 Jan 2090: Founders' day (fictional)");

			browser.click(By.linkText("Nell Bellweather, RN (demo)"));
			browser.waitForText("Weekly hours");
			String hoursPage = browser.driver().getCurrentUrl().replaceAll("^https?://[^/]+", "");
			try {
				browser.setValue(By.id("open3"), "09:00");
				browser.setValue(By.id("close3"), "17:00");
				browser.type(By.id("capacity"), "2");
				browser.click(By.id("save-staff-hours"));
				browser.waitForText("Hours saved.");
				assertThat(browser.find(By.id("open3")).getAttribute("value")).isEqualTo("09:00");
			}
			finally {
				clearStaffHours(hoursPage);
			}
			browser.setValue(By.id("off-from"), "2090-03-01T08:00");
			browser.setValue(By.id("off-to"), "2090-03-08T18:00");
			browser.type(By.id("off-reason"), "fictional leave");
			browser.click(By.id("save-time-off"));
			browser.waitForText("Time off added.");
			assertThat(browser.text(By.id("time-off"))).contains("1 Mar 2090", "fictional leave");

			browser.open("/admin/clinic");
			browser.click(By.xpath("//tr[td[normalize-space()='" + chair + "']]//button"));
			browser.driver().switchTo().alert().accept();
			browser.waitForText("Taken out of use.");
			assertThat(browser.text(By.id("rooms"))).doesNotContain(chair);
		}
		assertThat(BrowserSession.signIn(this.port, "nurse.fern", PASSWORD).get("/admin/clinic").statusCode())
			.as("administrators only")
			.isEqualTo(403);
	}

	private void clearClinicHours() {
		BrowserSession admin = BrowserSession.signIn(this.port, "admin", PASSWORD);
		assertThat(admin.post("/admin/clinic", "/admin/clinic/hours", java.util.Map.of()).statusCode()).isEqualTo(302);
		assertThat(this.jdbc.sql("select count(*) from scheduling.clinic_hours").query(Long.class).single()).isZero();
	}

	private void clearStaffHours(String page) {
		BrowserSession admin = BrowserSession.signIn(this.port, "admin", PASSWORD);
		assertThat(admin.post(page, page, java.util.Map.of("capacity", "1")).statusCode()).isEqualTo(302);
	}

}
