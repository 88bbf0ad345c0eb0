package org.kapclinic.fhir;

import java.util.List;
import java.util.Set;

import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * {@code _include} and {@code _revinclude}: which the client asked for, and the resources
 * added for them marked as search mode {@code include} (FHIR R4 search 3.1.1.5.4: they
 * are in the Bundle because of a match, not matches themselves). Every included resource
 * is read through the same module APIs, under the same access rules and audit, as a
 * search for it would be.
 */
final class Included {

	private Included() {
	}

	/** Whether {@code Type:param} is among the includes asked for. */
	static boolean asked(Set<Include> includes, String value) {
		return includes != null && includes.stream().anyMatch((i) -> value.equals(i.getValue()));
	}

	/** The resources, marked as included (not matches). */
	static <T extends IBaseResource> List<T> mark(List<T> resources) {
		resources.forEach((r) -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.INCLUDE));
		return resources;
	}

}
