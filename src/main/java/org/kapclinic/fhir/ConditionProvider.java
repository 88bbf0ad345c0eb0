package org.kapclinic.fhir;

import java.util.Date;
import java.util.List;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenOrListParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.intake.RecordedDiagnoses;
import org.kapclinic.intake.RecordedDiagnoses.RecordedDiagnosis;
import org.springframework.stereotype.Component;

/**
 * {@code Condition/{id}} and {@code Condition?patient=&category=&clinical-status=&code=}:
 * the ICD-10-CM diagnoses on a patient's intake as US Core problem-list Conditions (US
 * Core Condition Problems and Health Concerns), in the intake's order (the primary
 * diagnosis first), under the chart's clinical access rule. The id is the patient's id
 * and the code ({@code …-F33.1}). Every one is {@code active} (the intake lists what is
 * being treated); verified {@code confirmed} once the intake is submitted,
 * {@code provisional} while it is a draft. The recorded date is when the code first
 * appeared in a saved revision.
 */
@Component
class ConditionProvider implements IResourceProvider {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-condition-problems-health-concerns";

	static final String ICD_10_CM = "http://hl7.org/fhir/sid/icd-10-cm";

	static final String CATEGORY_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-category";

	static final String PROBLEM_LIST_ITEM = "problem-list-item";

	static final String CLINICAL_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-clinical";

	static final String VERIFICATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/condition-ver-status";

	private final RecordedDiagnoses diagnoses;

	private final FhirSettings settings;

	ConditionProvider(RecordedDiagnoses diagnoses, FhirSettings settings) {
		this.diagnoses = diagnoses;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Condition.class;
	}

	@Read
	public Condition read(@IdParam IdType id) {
		String idPart = String.valueOf(id.getIdPart());
		if (idPart.length() < 38 || idPart.charAt(36) != '-') {
			throw new ResourceNotFoundException("No resource " + id.getValue());
		}
		UUID patientId = FhirIds.uuid(idPart.substring(0, 36), id.getValue());
		String code = idPart.substring(37);
		return this.diagnoses.ofPatient(patientId)
			.stream()
			.filter((d) -> d.code().equals(code))
			.findFirst()
			.map(ConditionProvider::toFhir)
			.orElseThrow(() -> new ResourceNotFoundException("No resource " + id.getValue()));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = Condition.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = Condition.SP_CATEGORY) TokenOrListParam category,
			@OptionalParam(name = Condition.SP_CLINICAL_STATUS) TokenOrListParam clinicalStatus,
			@OptionalParam(name = Condition.SP_CODE) TokenOrListParam code, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		UUID patientId = FhirIds.patient(patient);
		List<RecordedDiagnosis> found = this.diagnoses.ofPatient(patientId);
		if (!has(category, CATEGORY_SYSTEM, PROBLEM_LIST_ITEM) || !has(clinicalStatus, CLINICAL_SYSTEM, "active")) {
			found = List.of();
		}
		if (code != null) {
			found = found.stream().filter((d) -> has(code, ICD_10_CM, d.code())).toList();
		}
		List<Condition> page = found.subList(Math.min(from, found.size()), Math.min(from + size + 1, found.size()))
			.stream()
			.map(ConditionProvider::toFhir)
			.toList();
		return OffsetPage.of(page, from, size);
	}

	/** Whether the tokens (none: anything) name this code, in this system or none. */
	private static boolean has(TokenOrListParam tokens, String system, String code) {
		if (tokens == null) {
			return true;
		}
		for (TokenParam token : tokens.getValuesAsQueryTokens()) {
			boolean anySystem = token.getSystem() == null || token.getSystem().isEmpty();
			if ((anySystem || system.equals(token.getSystem())) && code.equals(token.getValue())) {
				return true;
			}
		}
		return false;
	}

	static Condition toFhir(RecordedDiagnosis d) {
		Condition condition = new Condition();
		condition.setId(d.patientId() + "-" + d.code());
		condition.getMeta().addProfile(PROFILE);
		condition.setClinicalStatus(concept(CLINICAL_SYSTEM, "active", "Active"));
		condition.setVerificationStatus(d.submitted() ? concept(VERIFICATION_SYSTEM, "confirmed", "Confirmed")
				: concept(VERIFICATION_SYSTEM, "provisional", "Provisional"));
		condition.addCategory(concept(CATEGORY_SYSTEM, PROBLEM_LIST_ITEM, "Problem List Item"));
		CodeableConcept code = new CodeableConcept();
		code.addCoding().setSystem(ICD_10_CM).setCode(d.code()).setDisplay(d.title());
		code.setText((d.title() != null) ? d.title() : d.code());
		condition.setCode(code);
		condition.setSubject(new Reference("Patient/" + d.patientId()));
		if (d.firstRecordedAt() != null) {
			condition.setRecordedDateElement(new DateTimeType(Date.from(d.firstRecordedAt())));
		}
		return condition;
	}

	private static CodeableConcept concept(String system, String code, String display) {
		CodeableConcept concept = new CodeableConcept();
		concept.addCoding().setSystem(system).setCode(code).setDisplay(display);
		return concept;
	}

}
