package org.kapclinic.fhir;

import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import org.kapclinic.Chromium;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A patient referred by another EHR over FHIR (the only way such identifiers arrive: the
 * referring system posts the Patient) is found by the front desk, whose chart shows the
 * referring system's identifiers beside our MRN, so a call from that practice quoting its
 * own number can be matched.
 */
class FhirReferralBrowserIT extends FhirIntegrationTest {

	/** A fictional referring EHR's MRN namespace (an OID under the HL7 example arc). */
	private static final String EHR = "urn:oid:2.16.840.1.113883.3.999.7";

	@Test
	@DisplayName("Front desk: a referred patient's chart shows the referring system's identifier")
	void theChartShowsTheReferringSystemsIdentifier() throws Exception {
		String family = "Refchart" + letters();
		String theirMrn = "RC-" + letters();
		Patient referral = FhirPatientCreateIT.referral(family, "1969-04-21");
		referral.addIdentifier().setSystem(EHR).setValue(theirMrn);
		String id = client("dr.quill").create().resource(referral).execute().getId().getIdPart();

		try (Chromium browser = Chromium.start(this.port, 1280, 900)) {
			browser.signIn("desk.dale", PASSWORD);
			browser.open("/patients");
			browser.type(By.id("q"), family);
			browser.waitForText(family);
			browser.click(By.partialLinkText(family));
			assertThat(browser.driver().getCurrentUrl()).endsWith("/patients/" + id);
			assertThat(browser.text(By.id("patient-name"))).contains(family);
			assertThat(browser.text(By.id("external-identifiers"))).contains(theirMrn, "from " + EHR);
			assertThat(browser.text(By.id("patient-mrn"))).startsWith("KAP-");
			browser.screenshot("patient-chart-referral-identifiers");
		}
	}

}
