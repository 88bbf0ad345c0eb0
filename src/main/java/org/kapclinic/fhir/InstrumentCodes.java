package org.kapclinic.fhir;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.kapclinic.measures.InstrumentCoding;
import org.kapclinic.measures.Measures;
import org.springframework.stereotype.Component;

/**
 * Instrument totals as codes: the LOINC total-score term where one was verified
 * (clinical.md §4.3: PHQ-9 44261-6, GAD-7 70274-6, PCL-5 101698-9, AUDIT 75624-7, AUDIT-C
 * 75626-2, PHQ-2 55758-7, PEG 91147-9, MDQ 84773-1, pain NRS 72514-3), otherwise the
 * instrument's own code in the clinic's local code system.
 */
@Component
class InstrumentCodes {

	static final String LOINC = "http://loinc.org";

	private final Map<String, InstrumentCoding> byInstrument = new LinkedHashMap<>();

	private final Map<String, InstrumentCoding> byLoinc = new LinkedHashMap<>();

	private final FhirSettings settings;

	InstrumentCodes(Measures measures, FhirSettings settings) {
		this.settings = settings;
		for (InstrumentCoding coding : measures.codings()) {
			this.byInstrument.put(coding.instrument(), coding);
			if (coding.totalLoinc() != null) {
				this.byLoinc.put(coding.totalLoinc(), coding);
			}
		}
	}

	/** Every instrument of the library, in its order. */
	List<InstrumentCoding> all() {
		return List.copyOf(this.byInstrument.values());
	}

	Optional<InstrumentCoding> coding(String instrument) {
		return Optional.ofNullable(this.byInstrument.get(instrument));
	}

	/**
	 * The instrument a QuestionnaireResponse answers: our canonical URL (with or without
	 * its version) or LOINC's questionnaire for the instrument's panel
	 * ({@code http://loinc.org/q/44249-1}).
	 */
	Optional<String> answered(String canonical) {
		if (canonical == null) {
			return Optional.empty();
		}
		String url = canonical.contains("|") ? canonical.substring(0, canonical.indexOf('|')) : canonical;
		String base = this.settings.questionnaireBase() + "/";
		if (url.startsWith(base) && this.byInstrument.containsKey(url.substring(base.length()))) {
			return Optional.of(url.substring(base.length()));
		}
		if (url.startsWith("http://loinc.org/q/")) {
			String panel = url.substring("http://loinc.org/q/".length());
			return this.byInstrument.values()
				.stream()
				.filter((c) -> panel.equals(c.panelLoinc()))
				.map(InstrumentCoding::instrument)
				.findFirst();
		}
		return Optional.empty();
	}

	/** The canonical URL of our Questionnaire for an instrument. */
	String questionnaire(String instrument) {
		return this.settings.questionnaireBase() + "/" + instrument;
	}

	/** The total score's concept for an instrument. */
	CodeableConcept total(String instrument) {
		InstrumentCoding coding = this.byInstrument.get(instrument);
		CodeableConcept concept = new CodeableConcept();
		String name = (coding != null) ? coding.name() : instrument;
		if (coding != null && coding.totalLoinc() != null) {
			concept.addCoding().setSystem(LOINC).setCode(coding.totalLoinc()).setDisplay(name + " total score");
		}
		else {
			concept.addCoding()
				.setSystem(this.settings.instrumentSystem())
				.setCode(instrument)
				.setDisplay(name + " total score");
		}
		return concept.setText(name + " total score");
	}

	/**
	 * The instrument a searched token names: a LOINC total-score code (with or without
	 * the system) or one of our instrument codes in the local system.
	 */
	Optional<String> instrument(String system, String code) {
		boolean anySystem = system == null || system.isEmpty();
		if ((anySystem || LOINC.equals(system)) && this.byLoinc.containsKey(code)) {
			return Optional.of(this.byLoinc.get(code).instrument());
		}
		if ((anySystem || this.settings.instrumentSystem().equals(system)) && this.byInstrument.containsKey(code)) {
			return Optional.of(code);
		}
		return Optional.empty();
	}

}
