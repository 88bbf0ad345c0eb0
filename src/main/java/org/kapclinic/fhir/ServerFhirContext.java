package org.kapclinic.fhir;

import java.util.List;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.FhirVersionEnum;
import ca.uhn.fhir.util.FhirTerser;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The server's FHIR R4 context, tuned for what our providers hand HAPI.
 *
 * <p>
 * Our resources refer to others by id only ({@code Patient/…}, {@code #lot}), never by
 * attaching a resource object to a reference; included resources come from the providers
 * themselves ({@code OffsetPage.withIncluded}). So:
 * <ul>
 * <li>the parser need not search each resource it writes for reference targets to contain
 * ({@code autoContainReferenceTargetsWithNoId} off), and</li>
 * <li>the Bundle factory's walk over every element of every entry, looking for resource
 * objects attached to references to add as includes, always found none: the terser
 * answers that walk with none at once.</li>
 * </ul>
 * Together they were a third of a PHQ-9 trajectory search's CPU (issue 22's read
 * budgets). A provider that ever attaches a resource to a reference must add it to its
 * page's included resources instead.
 */
class ServerFhirContext extends FhirContext {

	ServerFhirContext() {
		super(FhirVersionEnum.R4);
		getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
	}

	@Override
	public FhirTerser newTerser() {
		return new FhirTerser(this) {
			@Override
			public List<ResourceReferenceInfo> getAllResourceReferences(IBaseResource resource) {
				return List.of();
			}
		};
	}

}
