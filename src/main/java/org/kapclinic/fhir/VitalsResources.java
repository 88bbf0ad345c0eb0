package org.kapclinic.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.dosing.RecordedVitals;
import org.kapclinic.dosing.Vitals;
import org.kapclinic.patient.MeasuredBody;
import org.springframework.stereotype.Component;

/**
 * A set of vital signs taken in a dosing session as US Core vital-signs Observations, one
 * per sign (the FHIR R4 vital-signs profiles and US Core's; LOINC from clinical.md §5.2):
 * blood pressure panel 85354-9 with systolic 8480-6 and diastolic 8462-4, heart rate
 * 8867-4, respiratory rate 9279-1, SpO2 by pulse oximetry 59408-5 with 2708-6. Each
 * Observation's id is the set's id with the sign's suffix. The chart's weight and height
 * history gives body weight 29463-7 and body height 8302-2 the same way.
 */
@Component
class VitalsResources {

	static final String VITAL_SIGNS = "vital-signs";

	/** The signs by id suffix; the LOINC codes a search may name each by. */
	enum Sign {

		BP("bp", Set.of("85354-9")), HEART_RATE("hr", Set.of("8867-4")), RESPIRATORY_RATE("rr", Set.of("9279-1")),
		SPO2("spo2", Set.of("59408-5", "2708-6")), WEIGHT("wt", Set.of("29463-7"), true),
		HEIGHT("ht", Set.of("8302-2"), true);

		final String suffix;

		final Set<String> codes;

		/**
		 * Whether the chart's weight and height history holds it (not a dosing session).
		 */
		final boolean body;

		Sign(String suffix, Set<String> codes) {
			this(suffix, codes, false);
		}

		Sign(String suffix, Set<String> codes, boolean body) {
			this.suffix = suffix;
			this.codes = codes;
			this.body = body;
		}

		/**
		 * Whether any of the signs comes from the chart's weight and height history
		 * ({@code body}), or from dosing sessions' vitals (not {@code body}).
		 */
		static boolean anyOf(Set<Sign> signs, boolean body) {
			return signs.stream().anyMatch((sign) -> sign.body == body);
		}

	}

	private static final Map<Sign, String[]> PROFILES = Map.of(Sign.BP,
			new String[] { "http://hl7.org/fhir/StructureDefinition/bp",
					"http://hl7.org/fhir/us/core/StructureDefinition/us-core-blood-pressure" },
			Sign.HEART_RATE,
			new String[] { "http://hl7.org/fhir/StructureDefinition/heartrate",
					"http://hl7.org/fhir/us/core/StructureDefinition/us-core-heart-rate" },
			Sign.RESPIRATORY_RATE,
			new String[] { "http://hl7.org/fhir/StructureDefinition/resprate",
					"http://hl7.org/fhir/us/core/StructureDefinition/us-core-respiratory-rate" },
			Sign.SPO2,
			new String[] { "http://hl7.org/fhir/StructureDefinition/oxygensat",
					"http://hl7.org/fhir/us/core/StructureDefinition/us-core-pulse-oximetry" },
			Sign.WEIGHT,
			new String[] { "http://hl7.org/fhir/StructureDefinition/bodyweight",
					"http://hl7.org/fhir/us/core/StructureDefinition/us-core-body-weight" },
			Sign.HEIGHT, new String[] { "http://hl7.org/fhir/StructureDefinition/bodyheight",
					"http://hl7.org/fhir/us/core/StructureDefinition/us-core-body-height" });

	/** The ids of the Observations a set of session vital signs is served as. */
	static List<String> observationIds(RecordedVitals recorded) {
		Vitals v = recorded.vitals();
		List<String> ids = new ArrayList<>(4);
		ids.add(v.id() + "-" + Sign.BP.suffix);
		ids.add(v.id() + "-" + Sign.HEART_RATE.suffix);
		if (v.respiratoryRate() != null) {
			ids.add(v.id() + "-" + Sign.RESPIRATORY_RATE.suffix);
		}
		if (v.spo2() != null) {
			ids.add(v.id() + "-" + Sign.SPO2.suffix);
		}
		return ids;
	}

	/**
	 * The set of session vital signs an Observation id names ({@code {set}-bp} and so
	 * on), or null for any other id (a score's, a body measurement's, a malformed one).
	 */
	static UUID sessionSetOf(String observationId) {
		for (Sign sign : Sign.values()) {
			String suffix = "-" + sign.suffix;
			if (!sign.body && observationId != null && observationId.endsWith(suffix)) {
				try {
					return UUID.fromString(observationId.substring(0, observationId.length() - suffix.length()));
				}
				catch (IllegalArgumentException ex) {
					return null;
				}
			}
		}
		return null;
	}

	/** The set's signs that were taken, among those wanted. */
	List<Observation> toFhir(RecordedVitals recorded, Set<Sign> wanted) {
		List<Observation> observations = new ArrayList<>(4);
		Vitals v = recorded.vitals();
		if (wanted.contains(Sign.BP)) {
			Observation bp = base(recorded, Sign.BP,
					code("85354-9", "Blood pressure panel with all children optional"));
			bp.addComponent()
				.setCode(code("8480-6", "Systolic blood pressure"))
				.setValue(quantity(v.systolic(), "mm[Hg]", "mmHg"));
			bp.addComponent()
				.setCode(code("8462-4", "Diastolic blood pressure"))
				.setValue(quantity(v.diastolic(), "mm[Hg]", "mmHg"));
			observations.add(bp);
		}
		if (wanted.contains(Sign.HEART_RATE)) {
			observations.add(base(recorded, Sign.HEART_RATE, code("8867-4", "Heart rate"))
				.setValue(quantity(v.heartRate(), "/min", "beats/minute")));
		}
		if (wanted.contains(Sign.RESPIRATORY_RATE) && v.respiratoryRate() != null) {
			observations.add(base(recorded, Sign.RESPIRATORY_RATE, code("9279-1", "Respiratory rate"))
				.setValue(quantity(v.respiratoryRate(), "/min", "breaths/minute")));
		}
		if (wanted.contains(Sign.SPO2) && v.spo2() != null) {
			CodeableConcept spo2 = code("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry");
			spo2.addCoding()
				.setSystem(InstrumentCodes.LOINC)
				.setCode("2708-6")
				.setDisplay("Oxygen saturation in Arterial blood");
			observations.add(base(recorded, Sign.SPO2, spo2).setValue(quantity(v.spo2(), "%", "%")));
		}
		return observations;
	}

	/**
	 * A weight and/or height from the chart's history as body weight 29463-7 (kg) and
	 * body height 8302-2 (cm) Observations, those wanted that were measured; each id is
	 * the measurement's id with {@code -wt} or {@code -ht}.
	 */
	List<Observation> toFhir(MeasuredBody measured, Set<Sign> wanted) {
		List<Observation> observations = new ArrayList<>(2);
		if (wanted.contains(Sign.WEIGHT) && measured.weightKg() != null) {
			observations.add(base(measured.id(), measured.patientId(), measured.measuredAt(), measured.recordedAt(),
					Sign.WEIGHT, code("29463-7", "Body weight"))
				.setValue(quantity(measured.weightKg(), "kg", "kg")));
		}
		if (wanted.contains(Sign.HEIGHT) && measured.heightCm() != null) {
			observations.add(base(measured.id(), measured.patientId(), measured.measuredAt(), measured.recordedAt(),
					Sign.HEIGHT, code("8302-2", "Body height"))
				.setValue(quantity(measured.heightCm(), "cm", "cm")));
		}
		return observations;
	}

	private static Observation base(RecordedVitals recorded, Sign sign, CodeableConcept code) {
		return base(recorded.vitals().id(), recorded.patientId(), recorded.vitals().at(),
				recorded.vitals().recordedAt(), sign, code);
	}

	private static Observation base(UUID id, UUID patientId, Instant at, Instant recordedAt, Sign sign,
			CodeableConcept code) {
		Observation observation = new Observation();
		observation.setId(id + "-" + sign.suffix);
		for (String profile : PROFILES.get(sign)) {
			observation.getMeta().addProfile(profile);
		}
		observation.getMeta().setLastUpdated(Date.from(recordedAt));
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory()
			.addCoding()
			.setSystem(ObservationResources.CATEGORY_SYSTEM)
			.setCode(VITAL_SIGNS)
			.setDisplay("Vital Signs");
		observation.setCode(code);
		observation.setSubject(new Reference("Patient/" + patientId));
		observation.setEffective(new DateTimeType(Date.from(at)));
		observation.setIssued(Date.from(recordedAt));
		return observation;
	}

	private static CodeableConcept code(String loinc, String display) {
		CodeableConcept concept = new CodeableConcept();
		concept.addCoding().setSystem(InstrumentCodes.LOINC).setCode(loinc).setDisplay(display);
		return concept.setText(display);
	}

	private static Quantity quantity(int value, String ucum, String unit) {
		return new Quantity().setValue(value).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(ucum);
	}

	private static Quantity quantity(BigDecimal value, String ucum, String unit) {
		return new Quantity().setValue(value).setUnit(unit).setSystem("http://unitsofmeasure.org").setCode(ucum);
	}

}
