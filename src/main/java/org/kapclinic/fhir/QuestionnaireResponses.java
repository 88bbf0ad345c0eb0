package org.kapclinic.fhir;

import java.util.Date;
import java.util.List;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.measures.InstrumentCoding;
import org.kapclinic.measures.Measurement;
import org.springframework.stereotype.Component;

/**
 * A scored administration as the QuestionnaireResponse its score Observation is derived
 * from (same id): each answered item's score under the item's id. Only scores leave the
 * clinic, never item text (several instruments' text may not be redistributed:
 * clinical.md §4.4). A score-entry administration has no items.
 */
@Component
class QuestionnaireResponses {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-questionnaireresponse";

	private final InstrumentCodes codes;

	QuestionnaireResponses(InstrumentCodes codes) {
		this.codes = codes;
	}

	QuestionnaireResponse toFhir(Measurement m) {
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setId(m.id().toString());
		response.getMeta().addProfile(PROFILE).setLastUpdated(Date.from(m.recordedAt()));
		response.setQuestionnaire(this.codes.questionnaire(m.instrument()) + "|" + m.instrumentVersion());
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		response.setSubject(new Reference("Patient/" + m.patientId()));
		response.setAuthoredElement(new DateTimeType(Date.from(m.administeredAt())));
		List<String> items = this.codes.coding(m.instrument()).map(InstrumentCoding::items).orElse(List.of());
		List<Integer> answers = (m.answers() != null) ? m.answers() : List.of();
		for (int i = 0; i < Math.min(items.size(), answers.size()); i++) {
			if (answers.get(i) != null) {
				response.addItem().setLinkId(items.get(i)).addAnswer().setValue(new IntegerType(answers.get(i)));
			}
		}
		return response;
	}

}
