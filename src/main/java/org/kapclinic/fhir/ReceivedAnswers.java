package org.kapclinic.fhir;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.kapclinic.measures.InstrumentCoding;
import org.springframework.stereotype.Component;

/**
 * What a received QuestionnaireResponse says, in our terms: whose it is, which of our
 * instruments it answers, each item's score (by linkId, in the instrument's order) and
 * when. Anything we cannot read is refused with what to send instead (422), before
 * anything is stored.
 */
@Component
class ReceivedAnswers {

	private final InstrumentCodes codes;

	ReceivedAnswers(InstrumentCodes codes) {
		this.codes = codes;
	}

	UUID patient(QuestionnaireResponse response) {
		String reference = response.getSubject().getReference();
		if (reference == null || !reference.startsWith("Patient/")) {
			throw new UnprocessableEntityException("subject must reference one of our patients (Patient/{id})");
		}
		try {
			return UUID.fromString(reference.substring("Patient/".length()));
		}
		catch (IllegalArgumentException ex) {
			throw new UnprocessableEntityException("subject " + reference + " is not one of our patients");
		}
	}

	String instrument(QuestionnaireResponse response) {
		return this.codes.answered(response.getQuestionnaire())
			.orElseThrow(() -> new UnprocessableEntityException("questionnaire " + response.getQuestionnaire()
					+ " is not one of our instruments: send " + this.codes.questionnaire("PHQ-9")
					+ " (or another instrument's code) or LOINC's questionnaire, e.g. http://loinc.org/q/44249-1"));
	}

	List<Integer> answers(QuestionnaireResponse response) {
		String instrument = instrument(response);
		List<String> items = this.codes.coding(instrument).map(InstrumentCoding::items).orElse(List.of());
		List<Integer> answers = new ArrayList<>(Collections.nCopies(items.size(), null));
		for (QuestionnaireResponse.QuestionnaireResponseItemComponent item : response.getItem()) {
			int index = items.indexOf(item.getLinkId());
			if (index < 0) {
				throw new UnprocessableEntityException(
						"item " + item.getLinkId() + " is not an item of " + instrument + ": linkIds are " + items);
			}
			if (item.getAnswer().size() > 1) {
				throw new UnprocessableEntityException("item " + item.getLinkId() + " has more than one answer");
			}
			if (!item.getAnswer().isEmpty()) {
				answers.set(index, score(item.getLinkId(), item.getAnswerFirstRep()));
			}
		}
		return answers;
	}

	Instant authored(QuestionnaireResponse response) {
		return response.hasAuthored() ? response.getAuthored().toInstant() : null;
	}

	/** An item's score: an integer, or a coding whose code is the score (LOINC forms). */
	private static Integer score(String linkId, QuestionnaireResponseItemAnswerComponent answer) {
		if (answer.hasValueIntegerType()) {
			return answer.getValueIntegerType().getValue();
		}
		if (answer.hasValueCoding() && answer.getValueCoding().getCode() != null) {
			try {
				return Integer.valueOf(answer.getValueCoding().getCode());
			}
			catch (NumberFormatException ex) {
				// Not a score: refused below.
			}
		}
		throw new UnprocessableEntityException("item " + linkId + ": answer with valueInteger, the item's score");
	}

}
