package org.kapclinic.fhir;

import java.util.Date;
import java.util.List;

import ca.uhn.fhir.model.api.ResourceMetadataKeyEnum;
import ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * One page of a search, read with {@code limit page+1 offset n}: HAPI writes the
 * {@code next} link as {@code _offset}/{@code _count} on the same query, so paging links
 * hold no server state and work on any instance. No {@code previous} link (HAPI 8.8
 * writes it over the next link).
 */
final class OffsetPage implements IBundleProvider {

	private final List<IBaseResource> resources;

	private final int offset;

	private final int size;

	private final boolean more;

	private final Date published = new Date();

	private OffsetPage(List<IBaseResource> resources, int offset, int size, boolean more) {
		this.resources = resources;
		this.offset = offset;
		this.size = size;
		this.more = more;
	}

	/**
	 * @param rows up to {@code size + 1} resources: one more than the page says there is
	 * a next page
	 */
	static OffsetPage of(List<? extends IBaseResource> rows, int offset, int size) {
		boolean more = rows.size() > size;
		List<IBaseResource> page = List.copyOf(more ? rows.subList(0, size) : rows);
		return new OffsetPage(page, offset, size, more);
	}

	/**
	 * This page with the resources its {@code _include}/{@code _revinclude} asked for
	 * after the matches (marked by {@link Included#mark}); they do not count towards the
	 * page size.
	 */
	OffsetPage withIncluded(List<? extends IBaseResource> included) {
		// search.mode match: what the criteria found, told apart from the included
		// resources (only in a search: an operation's Bundle, such as $everything's, is
		// no searchset and carries no search.mode, bdl-2).
		this.resources
			.forEach((r) -> ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r, BundleEntrySearchModeEnum.MATCH));
		if (included.isEmpty()) {
			return this;
		}
		List<IBaseResource> all = new java.util.ArrayList<>(this.resources);
		all.addAll(Included.mark(new java.util.ArrayList<>(included)));
		return new OffsetPage(List.copyOf(all), this.offset, this.size, this.more);
	}

	@Override
	public IPrimitiveType<Date> getPublished() {
		return new InstantType(this.published);
	}

	@Override
	public List<IBaseResource> getResources(int fromIndex, int toIndex) {
		return this.resources;
	}

	@Override
	public String getUuid() {
		return null;
	}

	@Override
	public Integer preferredPageSize() {
		return this.size;
	}

	@Override
	public Integer size() {
		return null;
	}

	@Override
	public Integer getCurrentPageOffset() {
		return this.offset;
	}

	@Override
	public Integer getCurrentPageSize() {
		return this.size;
	}

	@Override
	public String getNextPageId() {
		return this.more ? "next" : null;
	}

	@Override
	public boolean isEmpty() {
		return this.resources.isEmpty();
	}

}
