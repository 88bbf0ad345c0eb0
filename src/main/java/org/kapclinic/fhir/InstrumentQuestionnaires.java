package org.kapclinic.fhir;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Questionnaire;
import org.kapclinic.measures.InstrumentCoding;
import org.springframework.stereotype.Component;

/**
 * Our instrument library as FHIR R4 Questionnaires, one per instrument and version: the
 * canonical URL our QuestionnaireResponses point at ({@code questionnaireBase/CODE},
 * version in {@code version}), the LOINC panel as the code where one was verified, the
 * licence as {@code copyright}, and one integer item per scored item under the same
 * linkId as the responses' answers. An item's wording appears only where the licence lets
 * it be shipped (clinical.md §4.4: PHQ-9, PHQ-2, GAD-7, PCL-5, AUDIT, AUDIT-C and our own
 * forms); a score-entry instrument (MADRS, QIDS-SR16, Y-BOCS, MDQ, ...) has neutral "Item
 * N" texts. The id is the code in lower case and the version ({@code phq-9-2}).
 */
@Component
class InstrumentQuestionnaires {

	private final InstrumentCodes codes;

	InstrumentQuestionnaires(InstrumentCodes codes) {
		this.codes = codes;
	}

	List<Questionnaire> all() {
		return this.codes.all().stream().map(this::toFhir).toList();
	}

	Optional<Questionnaire> byId(String id) {
		return all().stream().filter((q) -> q.getIdElement().getIdPart().equals(id)).findFirst();
	}

	static String id(InstrumentCoding coding) {
		return coding.instrument().toLowerCase(Locale.ROOT) + "-" + coding.version();
	}

	Questionnaire toFhir(InstrumentCoding coding) {
		Questionnaire questionnaire = new Questionnaire();
		questionnaire.setId(id(coding));
		questionnaire.setUrl(this.codes.questionnaire(coding.instrument()));
		questionnaire.setVersion(coding.version());
		questionnaire.setName(coding.instrument().replaceAll("[^A-Za-z0-9]", "_"));
		questionnaire.setTitle(coding.name());
		questionnaire.setStatus(PublicationStatus.ACTIVE);
		questionnaire.addSubjectType("Patient");
		if (coding.panelLoinc() != null) {
			questionnaire.addCode().setSystem(InstrumentCodes.LOINC).setCode(coding.panelLoinc());
		}
		questionnaire.setCopyright(coding.licence());
		for (int i = 0; i < coding.items().size(); i++) {
			String text = (coding.itemTexts() != null) ? coding.itemTexts().get(i) : null;
			questionnaire.addItem()
				.setLinkId(coding.items().get(i))
				.setText((text != null && !text.isBlank()) ? text : "Item " + (i + 1))
				.setType(Questionnaire.QuestionnaireItemType.INTEGER);
		}
		return questionnaire;
	}

}
