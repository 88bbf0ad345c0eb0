package org.kapclinic.dosing;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 1, as a nurse would: nurse.bell opens the floor board, finds a demo
 * session of a patient outside her care team (booked by someone else), opens it from its
 * card and records vitals on it (the chair, not the chart).
 */
class NurseFloorBrowserIT extends IntegrationTest {

	@Test
	void aNurseWorksASessionFromTheBoardThatSheDidNotBook() throws Exception {
		UUID bell = this.jdbc.sql("select id from identity.app_user where username = 'nurse.bell'")
			.query(UUID.class)
			.single();
		UUID session = this.jdbc.sql("""
				select s.id from dosing.session s
				where s.state in ('CHECKED_IN', 'PRE_DOSE_CHECKS', 'MONITORING')
				  and not exists (select 1 from patient.care_team_member c
				                  where c.patient_id = s.patient_id and c.user_id = ? and c.removed_at is null)
				order by s.checked_in_at limit 1""").param(bell).query(UUID.class).single();
		try (Chromium browser = Chromium.start(this.port, 1024, 768)) {
			browser.signIn("nurse.bell", PASSWORD);
			browser.open("/dosing/board");
			String card = browser.text(By.id("board-" + session));
			assertThat(card).as("the card says who is assigned, in words").contains("Assigned");
			browser.click(By.cssSelector("#board-" + session + " a[href='/dosing/sessions/" + session + "']"));
			browser.waitForText("Vitals");
			browser.type(By.id("systolic"), "124");
			browser.type(By.id("diastolic"), "78");
			browser.type(By.id("heartRate"), "71");
			browser.type(By.id("spo2"), "98");
			browser.click(By.id("save-vitals"));
			assertThat(browser.waitForText("BP 124/78")).contains("BP 124/78, HR 71");
		}
		assertThat(this.jdbc.sql("""
				select count(*) from dosing.vitals v join identity.app_user u on u.id = v.recorded_by
				where v.session_id = ? and u.username = 'nurse.bell' and v.systolic = 124""")
			.param(session)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

}
