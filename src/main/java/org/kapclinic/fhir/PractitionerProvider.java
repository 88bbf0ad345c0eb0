package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.StringParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Practitioner;
import org.kapclinic.identity.Clinicians;
import org.kapclinic.identity.Clinicians.Clinician;
import org.springframework.stereotype.Component;

/**
 * {@code Practitioner/{id}} and {@code Practitioner?name=&identifier=}: the clinic's
 * clinicians (staff holding a prescriber, nurse or therapist role, active or not) as US
 * Core Practitioners. The id and the identifier in {@code kap.fhir.staff-system} are the
 * staff account's id; the NPI is a second identifier where one is on file. Nothing about
 * the account itself (username, password, second factors) is served.
 */
@Component
class PractitionerProvider implements IResourceProvider {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitioner";

	static final String NPI_SYSTEM = "http://hl7.org/fhir/sid/us-npi";

	private final Clinicians clinicians;

	private final FhirSettings settings;

	PractitionerProvider(Clinicians clinicians, FhirSettings settings) {
		this.clinicians = clinicians;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Practitioner.class;
	}

	@Read
	public Practitioner read(@IdParam IdType id) {
		return this.clinicians.find(FhirIds.uuid(id))
			.map(this::toFhir)
			.orElseThrow(() -> new ResourceNotFoundException("No resource " + id.getValue()));
	}

	@Search
	public IBundleProvider search(@OptionalParam(name = Practitioner.SP_NAME) StringParam name,
			@OptionalParam(name = Practitioner.SP_IDENTIFIER) TokenParam identifier, @Count Integer count,
			@Offset Integer offset) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		if (name != null && (name.isExact() || name.isContains())) {
			throw new InvalidRequestException("Only the default (starts-with) string search is supported");
		}
		String npi = null;
		if (identifier != null) {
			String system = (identifier.getSystem() == null) ? "" : identifier.getSystem();
			UUID staffId = staffId(identifier.getValue());
			if (staffId != null && (system.isEmpty() || system.equals(this.settings.staffSystem()))) {
				List<Practitioner> found = this.clinicians.find(staffId)
					.filter((c) -> matches(c, name))
					.map(this::toFhir)
					.stream()
					.toList();
				return OffsetPage.of((from > 0) ? List.of() : found, from, size);
			}
			if (!(system.isEmpty() || system.equals(NPI_SYSTEM))) {
				return OffsetPage.of(List.of(), from, size);
			}
			npi = identifier.getValue();
		}
		return OffsetPage.of(this.clinicians.search((name == null) ? null : name.getValue(), npi, from, size + 1)
			.stream()
			.map(this::toFhir)
			.toList(), from, size);
	}

	Practitioner toFhir(Clinician c) {
		Practitioner practitioner = new Practitioner();
		practitioner.setId(c.id().toString());
		practitioner.getMeta().addProfile(PROFILE);
		practitioner.addIdentifier()
			.setUse(Identifier.IdentifierUse.USUAL)
			.setSystem(this.settings.staffSystem())
			.setValue(c.id().toString());
		if (c.npi() != null) {
			practitioner.addIdentifier()
				.setUse(Identifier.IdentifierUse.OFFICIAL)
				.setSystem(NPI_SYSTEM)
				.setValue(c.npi());
		}
		practitioner.setActive(c.active());
		practitioner.addName(StaffNames.name(c.displayName()));
		return practitioner;
	}

	private static UUID staffId(String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return null;
		}
	}

	/** Whether a word of the clinician's name starts with the searched name. */
	private static boolean matches(Clinician c, StringParam name) {
		if (name == null || name.getValue() == null || name.getValue().isBlank()) {
			return true;
		}
		String wanted = name.getValue().strip().toLowerCase(Locale.ROOT);
		String displayName = c.displayName().toLowerCase(Locale.ROOT);
		return displayName.startsWith(wanted) || displayName.contains(" " + wanted);
	}

	/**
	 * A staff member's display name ("Dr. Quinn Quillfeather", "Theo Covington, LMFT") as
	 * a FHIR name: the text as written, and parts read from it (a leading "Dr." is the
	 * prefix, what follows a comma the suffixes, the last word the family name; anything
	 * in parentheses is left out of the parts).
	 */
	static final class StaffNames {

		private StaffNames() {
		}

		static HumanName name(String displayName) {
			HumanName name = new HumanName().setUse(HumanName.NameUse.USUAL).setText(displayName);
			String rest = displayName.replaceAll("\\([^)]*\\)", " ").strip();
			int comma = rest.indexOf(',');
			if (comma >= 0) {
				for (String suffix : rest.substring(comma + 1).split(",")) {
					if (!suffix.isBlank()) {
						name.addSuffix(suffix.strip());
					}
				}
				rest = rest.substring(0, comma).strip();
			}
			List<String> words = new ArrayList<>(List.of(rest.split("\\s+")));
			words.removeIf(String::isBlank);
			if (words.size() > 1 && words.get(0).toLowerCase(Locale.ROOT).matches("dr\\.?")) {
				name.addPrefix(words.remove(0));
			}
			if (words.isEmpty()) {
				name.setFamily(displayName.strip());
				return name;
			}
			name.setFamily(words.get(words.size() - 1));
			words.subList(0, words.size() - 1).forEach(name::addGiven);
			return name;
		}

	}

}
