package org.kapclinic.fhir;

import java.util.List;

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
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.IdType;
import org.springframework.stereotype.Component;

/**
 * {@code DocumentReference/{id}} and {@code DocumentReference?patient=&category=&type=}:
 * the patient's signed clinical notes and disclosure PDFs, newest first, read through the
 * notes module under the chart's clinical access rule and audited there. Drafts, voided
 * notes and private process notes are never among them.
 */
@Component
class DocumentReferenceProvider implements IResourceProvider {

	private final PatientDocuments documents;

	private final FhirSettings settings;

	DocumentReferenceProvider(PatientDocuments documents, FhirSettings settings) {
		this.documents = documents;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return DocumentReference.class;
	}

	@Read
	public DocumentReference read(@IdParam IdType id) {
		return this.documents.read(FhirIds.uuid(id));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = DocumentReference.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = DocumentReference.SP_CATEGORY) TokenOrListParam category,
			@OptionalParam(name = DocumentReference.SP_TYPE) TokenOrListParam type, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		List<DocumentReference> matching = this.documents.forPatient(FhirIds.patient(patient))
			.stream()
			.filter((d) -> has(category, d.getCategoryFirstRep().getCodingFirstRep()))
			.filter((d) -> has(type, d.getType().getCodingFirstRep()))
			.toList();
		return OffsetPage.of(
				matching.subList(Math.min(from, matching.size()), Math.min(from + size + 1, matching.size())), from,
				size);
	}

	/** Whether the tokens (none: anything) name this coding, in its system or none. */
	private static boolean has(TokenOrListParam tokens, Coding coding) {
		if (tokens == null) {
			return true;
		}
		for (TokenParam token : tokens.getValuesAsQueryTokens()) {
			boolean anySystem = token.getSystem() == null || token.getSystem().isEmpty();
			if ((anySystem || coding.getSystem().equals(token.getSystem()))
					&& coding.getCode().equals(token.getValue())) {
				return true;
			}
		}
		return false;
	}

}
