package org.kapclinic.fhir;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.IncludeParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.RequiredParam;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.param.DateRangeParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationAdministration;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.dosing.DrugGiven;
import org.kapclinic.ledger.LotLabel;
import org.kapclinic.dosing.DrugsGiven;
import org.kapclinic.dosing.SessionReads;
import org.springframework.stereotype.Component;

/**
 * {@code MedicationAdministration/{id}} and
 * {@code MedicationAdministration?patient=&effective-time=}: every administration that
 * gave ketamine or esketamine (a start, an additional dose, a nasal device), with its
 * dose (or infusion rate), route and the dosing session (Encounter) it was given in,
 * newest first. Drugs are coded in RxNorm ({@code kap.fhir.rxnorm-ketamine},
 * {@code kap.fhir.rxnorm-esketamine}).
 */
@Component
class MedicationAdministrationProvider implements IResourceProvider {

	static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";

	static final String NDC = "http://hl7.org/fhir/sid/ndc";

	private final DrugsGiven drugs;

	private final FhirDates dates;

	static final String INCLUDE_CONTEXT = "MedicationAdministration:context";

	private final FhirSettings settings;

	private final SessionReads sessions;

	MedicationAdministrationProvider(DrugsGiven drugs, FhirDates dates, FhirSettings settings, SessionReads sessions) {
		this.sessions = sessions;
		this.drugs = drugs;
		this.dates = dates;
		this.settings = settings;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return MedicationAdministration.class;
	}

	@Read
	public MedicationAdministration read(@IdParam IdType id) {
		return toFhir(this.drugs.find(FhirIds.uuid(id)));
	}

	@Search
	public IBundleProvider search(@RequiredParam(name = MedicationAdministration.SP_PATIENT) ReferenceParam patient,
			@OptionalParam(name = MedicationAdministration.SP_EFFECTIVE_TIME) DateRangeParam effective,
			@Count Integer count, @Offset Integer offset,
			@IncludeParam(allow = INCLUDE_CONTEXT) Set<Include> includes) {
		int size = this.settings.pageSize(count);
		int from = (offset == null) ? 0 : Math.max(0, offset);
		UUID patientId = FhirIds.uuid(patient.getIdPart(), patient.getValue());
		List<DrugGiven> found = this.drugs.search(patientId, this.dates.from(effective), this.dates.before(effective),
				from, size + 1);
		OffsetPage page = OffsetPage.of(found.stream().map(this::toFhir).toList(), from, size);
		if (!Included.asked(includes, INCLUDE_CONTEXT)) {
			return page;
		}
		// The dosing sessions (Encounters) the page's administrations were given in.
		Set<UUID> sessionIds = found.stream().limit(size).map(DrugGiven::sessionId).collect(Collectors.toSet());
		return page.withIncluded(this.sessions.forPatient(patientId)
			.stream()
			.filter((s) -> sessionIds.contains(s.id()))
			.map(EncounterProvider::toFhir)
			.toList());
	}

	MedicationAdministration toFhir(DrugGiven given) {
		MedicationAdministration administration = new MedicationAdministration();
		administration.setId(given.id().toString());
		administration.setStatus(MedicationAdministration.MedicationAdministrationStatus.COMPLETED);
		String name = given.esketamine() ? "esketamine nasal spray" : "ketamine";
		CodeableConcept medication = new CodeableConcept().setText(name);
		medication.addCoding()
			.setSystem(RXNORM)
			.setCode(given.esketamine() ? this.settings.rxnormEsketamine() : this.settings.rxnormKetamine())
			.setDisplay(name);
		if (given.lot() == null) {
			administration.setMedication(medication);
		}
		else {
			administration.setMedication(new Reference("#lot"));
			administration.addContained(lotMedication(medication, given.lot()));
		}
		administration.setSubject(new Reference("Patient/" + given.patientId()));
		administration.setContext(new Reference("Encounter/" + given.sessionId()));
		administration.setEffective(new DateTimeType(Date.from(given.at())));
		MedicationAdministration.MedicationAdministrationDosageComponent dosage = administration.getDosage();
		dosage.setText(given.route().label() + " (" + given.kind().toLowerCase(java.util.Locale.ROOT) + ")");
		dosage.getRoute().setText(given.route().label());
		if (given.doseMg() != null) {
			dosage.setDose(milligrams(given.doseMg()));
		}
		if (given.rateMgPerHour() != null) {
			dosage.setRate(new Quantity().setValue(given.rateMgPerHour())
				.setUnit("mg/h")
				.setSystem("http://unitsofmeasure.org")
				.setCode("mg/h"));
		}
		return administration;
	}

	/**
	 * R4 keeps the lot on Medication ({@code batch.lotNumber}, {@code expirationDate}),
	 * not on the administration: the drug given becomes a contained Medication of that
	 * lot, coded in RxNorm and with the vial's or device's NDC.
	 */
	private static Medication lotMedication(CodeableConcept medication, LotLabel lot) {
		Medication drug = new Medication();
		drug.setId("lot");
		drug.setCode(medication.copy());
		drug.getCode().addCoding().setSystem(NDC).setCode(lot.ndc());
		drug.getBatch().setLotNumber(lot.lotNumber()).setExpirationDate(java.sql.Date.valueOf(lot.expiry()));
		return drug;
	}

	private static Quantity milligrams(java.math.BigDecimal mg) {
		return new Quantity().setValue(mg).setUnit("mg").setSystem("http://unitsofmeasure.org").setCode("mg");
	}

}
