package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The instrument library as Questionnaires: the canonical URL our QuestionnaireResponses
 * point at, item linkIds as they answer them, item wording only where the licence allows
 * (PHQ-9 yes; QIDS-SR16 and MADRS neutral, with their copyright note), valid R4, readable
 * by any staff member (no patient data).
 */
class FhirQuestionnaireIT extends FhirIntegrationTest {

	private static final String BASE = "https://kapclinic.example/fhir/Questionnaire";

	private Bundle search(IGenericClient fhir, String query) {
		return fhir.search().byUrl(query).returnBundle(Bundle.class).execute();
	}

	@Test
	void phq9IsAFreeFormWithItsWording() {
		IGenericClient fhir = client("desk.dale");
		Questionnaire phq9 = fhir.read().resource(Questionnaire.class).withId("phq-9-2").execute();
		assertThat(phq9.getUrl()).isEqualTo(BASE + "/PHQ-9");
		assertThat(phq9.getVersion()).isEqualTo("2");
		assertThat(phq9.getStatus().toCode()).isEqualTo("active");
		assertThat(phq9.getCodeFirstRep().getCode()).isEqualTo("44249-1");
		assertThat(phq9.getItem()).extracting(Questionnaire.QuestionnaireItemComponent::getLinkId)
			.startsWith("1", "2", "3", "4", "5", "6", "7", "8", "9");
		assertThat(phq9.getItemFirstRep().getText()).isEqualTo("Little interest or pleasure in doing things");
		assertThat(phq9.getCopyright()).contains("No permission required");
		assertThat(FhirValidation.errors(phq9)).isEmpty();

		Bundle byUrl = search(fhir, "Questionnaire?url=" + BASE + "/PHQ-9");
		assertThat(byUrl.getEntry()).extracting((e) -> e.getResource().getIdElement().getIdPart())
			.containsExactly("phq-9-2");
		assertThat(search(fhir, "Questionnaire?url=" + BASE + "/PHQ-9|2").getEntry()).hasSize(1);
		assertThat(search(fhir, "Questionnaire?url=" + BASE + "/PHQ-9|1").getEntry()).isEmpty();
		assertThatThrownBy(() -> fhir.read().resource(Questionnaire.class).withId("phq-9-99").execute())
			.isInstanceOf(ResourceNotFoundException.class);
	}

	@Test
	void copyrightedInstrumentsShipNoWording() {
		IGenericClient fhir = client("therapist.wren");
		Questionnaire qids = fhir.read().resource(Questionnaire.class).withId("qids-sr16-2").execute();
		assertThat(qids.getItem()).hasSize(16);
		assertThat(qids.getItem().get(2).getLinkId()).isEqualTo("3");
		assertThat(qids.getItem().get(2).getText()).isEqualTo("Item 3");
		assertThat(qids.getCopyright()).contains("ids-qids.org");
		assertThat(FhirValidation.errors(qids)).isEmpty();
		Questionnaire madrs = fhir.read().resource(Questionnaire.class).withId("madrs-2").execute();
		assertThat(madrs.getCopyright()).contains("Royal College of Psychiatrists");
		assertThat(madrs.getItem()).allMatch((i) -> i.getText().startsWith("Item "));
	}

	@Test
	void theWholeLibraryIsValid() {
		Bundle all = search(client("nurse.bell"), "Questionnaire?_count=100");
		List<Resource> resources = all.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).toList();
		assertThat(resources).extracting((r) -> ((Questionnaire) r).getUrl())
			.contains(BASE + "/PHQ-9", BASE + "/GAD-7", BASE + "/PHQ-2", BASE + "/MADRS", BASE + "/PCL-5");
		for (Resource r : resources) {
			assertThat(FhirValidation.errors(r)).as(r.getIdElement().getIdPart()).isEmpty();
		}
		assertThat(FhirValidation.errors(all)).isEmpty();
	}

}
