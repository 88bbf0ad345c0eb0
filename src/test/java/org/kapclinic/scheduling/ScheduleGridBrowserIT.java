package org.kapclinic.scheduling;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.shared.ClinicTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 6, as front desk works it: the day grid with every chair and room as a
 * column, a click on an empty slot books it (the slot's chair and time prefilled), the
 * card moves to another time, the week grid shows it, a patient arriving today is marked
 * from the card, and a phone gets the list.
 */
class ScheduleGridBrowserIT extends IntegrationTest {

	@Autowired
	ClinicTime clinicTime;

	@Test
	void frontDeskBooksFromAnEmptySlotMovesTheCardAndMarksAnArrival() throws Exception {
		LocalDate day = this.clinicTime.today(java.time.Clock.systemUTC())
			.plusWeeks(100 + (int) (Math.random() * 40))
			.with(TemporalAdjusters.next(DayOfWeek.THURSDAY));
		String family = this.jdbc.sql("select family_name from patient.patient order by mrn limit 1")
			.query(String.class)
			.single();
		try (Chromium browser = Chromium.start(this.port, 1366, 900)) {
			browser.signIn("desk.dale", PASSWORD);
			browser.open("/schedule?view=day&date=" + day);
			assertThat(browser.text(By.cssSelector("#schedule-grid thead"))).contains("Chair 4", "Therapy room A");
			book(browser, "Chair 4", "10:00", family);
			assertThat(browser.find(By.id("start")).getAttribute("value")).as("the slot's time, prefilled")
				.isEqualTo(day + "T10:00");
			assertThat(new Select(browser.find(By.id("roomId"))).getFirstSelectedOption().getText())
				.isEqualTo("Chair 4");
			new Select(browser.find(By.id("type"))).selectByVisibleText("Preparation");
			browser.click(By.id("book"));
			browser.waitForText("Booked.");

			browser.open("/schedule?view=day&date=" + day);
			String card = browser.text(By.cssSelector("#schedule-grid .appt-preparation"));
			assertThat(card).contains("10:00–11:00", "Preparation", "Chair 4");
			browser.click(By.xpath("//div[contains(@class,'appt-preparation')]//a[normalize-space()='Move']"));
			browser.setValue(By.id("move-start"), day + "T14:30");
			browser.type(By.id("move-reason"), "patient asked for the afternoon");
			browser.click(By.id("move-appointment"));
			browser.waitForText("Moved.");
			assertThat(browser.text(By.cssSelector("#schedule-grid .appt-preparation"))).contains("14:30–15:30");

			browser.click(By.id("schedule-next"));
			assertThat(browser
				.waitForText(day.plusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("EEEE d MMMM yyyy"))))
				.as("the next day")
				.doesNotContain("14:30–15:30");
			browser.open("/schedule?view=week&date=" + day);
			assertThat(browser.text(By.id("schedule-grid"))).contains("14:30–15:30", "Preparation");

			browser.open("/schedule?view=day&date=" + day);
			browser.click(By.id("schedule-today"));
			browser.waitForText("(today)");
			book(browser, "Chair 3", "07:00", family);
			new Select(browser.find(By.id("type"))).selectByVisibleText("Follow-up");
			browser.type(By.id("durationMinutes"), "30");
			browser.click(By.id("book"));
			browser.waitForText("Booked.");
			browser.open("/schedule");
			browser.click(By.xpath(
					"//div[contains(@class,'appt-follow-up')][contains(., '07:00')]//button[normalize-space()='Arrived']"));
			browser.waitForText("Arrived.");
			assertThat(browser.text(By.xpath("//div[contains(@class,'appt-follow-up')][contains(., '07:00')]")))
				.contains("Arrived");
		}
		try (Chromium phone = Chromium.start(this.port, 390, 844)) {
			phone.signIn("desk.dale", PASSWORD);
			phone.open("/schedule?view=week&date=" + day);
			assertThat(phone.driver().findElement(By.id("schedule-grid")).isDisplayed()).as("no grid on a phone")
				.isFalse();
			assertThat(phone.text(By.id("calendar"))).contains("14:30–15:30", "Preparation");
		}
	}

	/** Clicks the empty slot of a column at a time, then picks the patient to book. */
	private static void book(Chromium browser, String column, String time, String family) {
		browser.click(By.xpath("//a[contains(@class,'slot-book')][contains(., 'Book " + column + " at')][contains(., ' "
				+ time + "')]"));
		browser.waitForText("find the patient");
		browser.type(By.id("q"), family + "\n");
		browser.waitForText(family);
		browser.click(By.cssSelector(".book-patient"));
		browser.waitForText("Book");
	}

}
