package org.kapclinic.notes;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;
import org.kapclinic.shared.ClinicTime;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 9 and its therapist journey, through the pages only: an administrator
 * adds a room, the prescriber registers two patients, puts the therapist on their care
 * teams and books them into one circle (the second joins it from the booking form); the
 * therapist opens the circle from the Circles menu, records attendance, is refused an
 * entry that names the other member (group confidentiality, {@link GroupNotes}), files a
 * clean one, and signs the circle's shared note.
 */
class CircleBrowserIT extends IntegrationTest {

	private static final String THERAPIST = "Wren Whistledown, PsyD (demo)";

	@Autowired
	ClinicTime clinicTime;

	@Test
	void aTherapistRecordsAttendanceFilesMemberEntriesAndSignsTheSharedNote() throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 6);
		String room = "Circle room " + suffix;
		LocalDate day = this.clinicTime.today(Clock.systemUTC()).plusDays(7 + (int) (Math.random() * 28));
		String first = "Marrowby" + suffix.replaceAll("[0-9]", "x");
		String second = "Tansley" + suffix.replaceAll("[0-9]", "y");

		try (Chromium admin = Chromium.start(this.port, 1280, 900)) {
			admin.signIn("admin", PASSWORD);
			admin.open("/admin/clinic");
			admin.type(By.id("room-name"), room);
			new Select(admin.find(By.id("room-kind"))).selectByVisibleText("Room");
			admin.click(By.id("save-room"));
			admin.waitForText("Added.");
		}

		String firstId;
		String secondId;
		try (Chromium prescriber = Chromium.start(this.port, 1280, 900)) {
			prescriber.signIn("dr.quill", PASSWORD);
			firstId = prescriber.registerPatient("Ada", first, "1980-04-02");
			onCareTeam(prescriber, firstId);
			secondId = prescriber.registerPatient("Bo", second, "1979-11-20");
			onCareTeam(prescriber, secondId);

			prescriber.open("/patients/" + firstId + "/schedule");
			new Select(prescriber.find(By.id("type"))).selectByVisibleText("Group integration circle");
			prescriber.setValue(By.id("start"), day + "T18:00");
			prescriber.type(By.id("durationMinutes"), "90");
			new Select(prescriber.find(By.id("roomId"))).selectByVisibleText(room);
			prescriber.click(By.id("book"));
			prescriber.waitForText("Booked.");

			prescriber.open("/patients/" + secondId + "/schedule");
			new Select(prescriber.find(By.id("type"))).selectByVisibleText("Group integration circle");
			Select circles = new Select(prescriber.find(By.id("groupId")));
			String option = circles.getOptions()
				.stream()
				.map((o) -> o.getText())
				.filter((text) -> text.contains(room))
				.findFirst()
				.orElseThrow();
			assertThat(option).as("the circle offered with its places").contains("18:00", "7 of 8 places left");
			circles.selectByVisibleText(option);
			prescriber.click(By.id("book"));
			prescriber.waitForText("Booked.");
			assertThat(prescriber.text(By.id("appointments"))).contains(day + " 18:00 (90 min)", room);
		}

		try (Chromium therapist = Chromium.start(this.port, 1280, 900)) {
			therapist.signIn("therapist.wren", PASSWORD);
			therapist.click(By.linkText("Circles"));
			therapist.waitForText("Group integration circles");
			therapist.click(By.xpath("//tr[contains(., '" + room + "')]//a[normalize-space()='Open']"));
			assertThat(therapist.waitForText("Attendance")).contains(first, second, "2 of 8 places", "18:00–19:30");
			assertThat(therapist.text(By.id("member-entries"))).contains("Record attendance first");

			therapist.click(By.id("attendance-" + firstId + "-ATTENDED"));
			therapist.click(By.id("attendance-" + secondId + "-ABSENT"));
			therapist.click(By.id("save-attendance"));
			therapist.waitForText("Attendance saved.");
			assertThat(therapist.text(By.id("attendance-form"))).contains("Attended", "Absent");
			assertThat(therapist.driver().findElements(By.id("entry-" + secondId))).as("no entry for an absent member")
				.isEmpty();

			therapist.type(By.id("entry-" + firstId), "Shared a dream; " + second + " listened closely.");
			therapist.click(By.xpath("//form[.//textarea[@id='entry-" + firstId + "']]//button"));
			assertThat(therapist.confirm()).contains("filed to Ada " + first);
			assertThat(therapist.waitForText("names another member")).as("group confidentiality")
				.contains("names another member of the circle");
			assertThat(therapist.find(By.id("entry-" + firstId)).getAttribute("value")).as("what was typed is kept")
				.contains("listened closely");

			therapist.type(By.id("entry-" + firstId), "Shared a dream of open water; felt heard by the group.");
			therapist.click(By.xpath("//form[.//textarea[@id='entry-" + firstId + "']]//button"));
			therapist.confirm();
			therapist.waitForText("Entry signed and filed");
			assertThat(therapist.text(By.id("member-entries"))).contains("entry filed");

			therapist.click(By.id("start-note"));
			therapist.type(By.id("field-themes"), "Trust and open water; coming back to the body.");
			therapist.click(By.id("sign-note"));
			assertThat(therapist.confirm()).contains("locked");
			therapist.waitForText("Signed.");
			assertThat(therapist.text(By.id("note-body"))).contains("Trust and open water");
			therapist.click(By.id("back-to-circle"));
			therapist.waitForText("Open the shared note");

			therapist.open("/patients/" + firstId + "/notes");
			assertThat(therapist.waitForText("Group circle")).contains("Shared a dream of open water");
			therapist.open("/patients/" + secondId + "/notes");
			assertThat(therapist.pageText()).as("nothing filed to the absent member's chart")
				.doesNotContain("open water", "Trust and open water");
		}

		try (Chromium desk = Chromium.start(this.port, 1280, 900)) {
			desk.signIn("desk.dale", PASSWORD);
			desk.open("/patients");
			assertThat(desk.driver().findElements(By.linkText("Circles"))).as("front desk has no circle notes")
				.isEmpty();
		}
	}

	private static void onCareTeam(Chromium prescriber, String patientId) {
		prescriber.open("/patients/" + patientId);
		prescriber.click(By.xpath("//label[normalize-space()='" + THERAPIST + "']"));
		prescriber.click(By.xpath("//button[normalize-space()='Save care team']"));
		prescriber.waitForText(THERAPIST);
	}

}
