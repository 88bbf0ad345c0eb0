package org.kapclinic.fhir;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.hl7.fhir.r4.model.DocumentReference;
import org.kapclinic.notes.DisclosedDocuments;
import org.kapclinic.notes.SignedNotes;
import org.kapclinic.shared.NotFoundException;
import org.springframework.stereotype.Component;

/**
 * A patient's documents: their signed clinical notes and the disclosure PDFs sent to
 * outside providers, as DocumentReferences newest first (by signature or by sending).
 * Both are read through the notes module, under the chart's access rule and audited.
 */
@Component
class PatientDocuments {

	private final SignedNotes notes;

	private final DisclosedDocuments disclosures;

	PatientDocuments(SignedNotes notes, DisclosedDocuments disclosures) {
		this.notes = notes;
		this.disclosures = disclosures;
	}

	List<DocumentReference> forPatient(UUID patientId) {
		List<DocumentReference> all = new ArrayList<>();
		this.notes.ofPatient(patientId).forEach((n) -> all.add(DocumentReferences.toFhir(n)));
		this.disclosures.ofPatient(patientId).forEach((d) -> all.add(DocumentReferences.toFhir(d)));
		all.sort(Comparator.comparing(DocumentReference::getDate).reversed());
		return all;
	}

	/** A signed note or a disclosure, by id (404 for anything else). */
	DocumentReference read(UUID id) {
		try {
			return DocumentReferences.toFhir(this.notes.read(id));
		}
		catch (NotFoundException notANote) {
			return DocumentReferences.toFhir(this.disclosures.read(id));
		}
	}

}
