package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.UriParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.stereotype.Component;

/**
 * {@code Questionnaire/{id}}, {@code Questionnaire?url=} (with or without
 * {@code |version}) and {@code Questionnaire} with no parameter (the whole library). The
 * library holds no patient data: any signed-in staff member (or a client granted
 * {@code Questionnaire} read) may read it, and it is not audited.
 */
@Component
class QuestionnaireProvider implements IResourceProvider {

	private final InstrumentQuestionnaires questionnaires;

	private final FhirSettings settings;

	QuestionnaireProvider(InstrumentQuestionnaires questionnaires, FhirSettings settings) {
		this.questionnaires = questionnaires;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Questionnaire.class;
	}

	@Read
	public Questionnaire read(@IdParam IdType id) {
		return this.questionnaires.byId(id.getIdPart())
			.orElseThrow(() -> new ResourceNotFoundException("No resource " + id.getValue()));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Questionnaire.SP_URL) UriParam url, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		String wanted = (url != null) ? url.getValue() : null;
		String canonical = (wanted != null && wanted.contains("|")) ? wanted.substring(0, wanted.indexOf('|')) : wanted;
		String version = (wanted != null && wanted.contains("|")) ? wanted.substring(wanted.indexOf('|') + 1) : null;
		List<Questionnaire> matching = this.questionnaires.all()
			.stream()
			.filter((q) -> canonical == null || q.getUrl().equals(canonical))
			.filter((q) -> version == null || q.getVersion().equals(version))
			.toList();
		return OffsetPage.of(
				matching.subList(Math.min(from, matching.size()), Math.min(from + size + 1, matching.size())), from,
				size);
	}

}
