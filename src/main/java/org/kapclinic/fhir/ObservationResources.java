package org.kapclinic.fhir;

import java.util.Date;

import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.measures.Measurement;
import org.springframework.stereotype.Component;

/**
 * A scored instrument as a US Core screening-assessment Observation (category
 * {@code survey}), derived from the QuestionnaireResponse of the same id.
 */
@Component
class ObservationResources {

	static final String SCREENING_PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment";

	static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/observation-category";

	static final String SURVEY = "survey";

	private final InstrumentCodes codes;

	ObservationResources(InstrumentCodes codes) {
		this.codes = codes;
	}

	Observation toFhir(Measurement m) {
		Observation observation = new Observation();
		observation.setId(m.id().toString());
		observation.getMeta().addProfile(SCREENING_PROFILE).setLastUpdated(Date.from(m.recordedAt()));
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory().addCoding().setSystem(CATEGORY_SYSTEM).setCode(SURVEY).setDisplay("Survey");
		observation.setCode(this.codes.total(m.instrument()));
		observation.setSubject(new Reference("Patient/" + m.patientId()));
		observation.setEffective(new DateTimeType(Date.from(m.administeredAt())));
		observation.setIssued(Date.from(m.recordedAt()));
		observation.setValue(new Quantity().setValue(m.total())
			.setUnit("{score}")
			.setSystem("http://unitsofmeasure.org")
			.setCode("{score}"));
		if (m.severity() != null) {
			observation.addInterpretation().setText(m.severity());
		}
		observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + m.id()));
		return observation;
	}

}
