package org.kapclinic.portal;

import java.time.Clock;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.kapclinic.ApiClient.Response;
import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.dosing.DosingFixtures;
import org.kapclinic.dosing.DosingSteps;
import org.kapclinic.identity.Passwords;
import org.kapclinic.identity.mfa.OneTimeCodes;
import org.kapclinic.scheduling.CourseChanged;
import org.kapclinic.scheduling.CoursePrograms;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Portal access ends with care where the clinic turns it on
 * ({@code kap.portal.end-access-when-care-ends}, issue 21): the prescriber discontinues
 * the patient's only course through the API; with the setting on, the patient's open
 * portal session ends at its next request; with it off (the default, the app's own bean),
 * nothing changes.
 */
class CareEndedIT extends IntegrationTest {

	@Autowired
	private Passwords passwords;

	@Autowired
	private OneTimeCodes codes;

	@Autowired
	private CoursePrograms courses;

	@Autowired
	private AuditTrail audit;

	@Test
	void closingTheLastCourseEndsPortalAccessOnlyWhereTheClinicSaysSo() {
		DosingFixtures.ReadyInCourse inCourse = DosingSteps
			.forDemoClinic(this.api, this.jdbc, this::tokenFor, this::userId)
			.fixtures()
			.inCourse("KAP", 70, "KAP_IN_SESSION");
		BrowserSession portal = new PortalFixtures(this.jdbc, this.passwords, this.codes, this.port)
			.signedIn(inCourse.patientId(), userId("desk.dale"));
		Response closed = this.api.post("/api/v1/courses/" + inCourse.courseId() + "/status",
				Map.of("status", "DISCONTINUED", "reason", "Moved away (fictional)"), tokenFor("dr.quill"));
		assertThat(closed.status()).as(closed.body()).isEqualTo(200);
		assertThat(portal.get("/portal").statusCode()).as("off by default: access continues").isEqualTo(200);

		PortalSettings on = new PortalSettings(null, null, null, null, null, null, true, null);
		CourseChanged changed = new CourseChanged(java.util.UUID.fromString(inCourse.patientId()),
				java.util.UUID.fromString(inCourse.courseId()));
		new org.springframework.transaction.support.TransactionTemplate(this.transactions)
			.executeWithoutResult((tx) -> new CareEnded(this.jdbc, this.courses, on, this.audit, Clock.systemUTC())
				.courseChanged(changed));
		assertThat(portal.get("/portal").headers().firstValue("Location").orElse(""))
			.as("with the setting on, the open session ends")
			.contains("/portal/login?ended");
		assertThat(this.jdbc.sql("select revoke_reason from portal.account where patient_id = ?::uuid")
			.param(inCourse.patientId())
			.query(String.class)
			.single()).isEqualTo(CareEnded.REASON);
	}

	@Autowired
	private org.springframework.transaction.PlatformTransactionManager transactions;

}
