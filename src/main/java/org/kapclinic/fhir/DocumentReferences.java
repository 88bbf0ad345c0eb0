package org.kapclinic.fhir;

import java.nio.charset.StandardCharsets;
import java.util.Date;

import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.Enumerations.DocumentReferenceStatus;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.intake.ReleasesOfInformation;
import org.kapclinic.notes.DisclosedDocuments.DisclosedDocument;
import org.kapclinic.notes.SignedNotes.SignedNote;

/**
 * A signed clinical note as a US Core DocumentReference (US Core Clinical Notes
 * guidance): category {@code clinical-note}, a LOINC document type by note type (11506-3
 * Progress note for the therapy, dosing, integration and maintenance notes; 34117-2
 * History and physical note for the intake assessment; 18842-5 Discharge summary), the
 * note's type in words as the type's text, the author as a Practitioner and the note as a
 * {@code text/plain} attachment (base64) with IHE's "mime type sufficient" format code.
 * Status {@code current}; docStatus {@code final} once locked ({@code amended} when
 * signed addenda follow), {@code preliminary} while a supervisor's co-signature is
 * awaited. A second content is the note as PDF ({@code application/pdf}), by reference to
 * {@code Binary/{id}} ({@link BinaryProvider}): rendered when a client fetches it, not
 * with every search. A disclosure sent to an outside provider is a DocumentReference too:
 * the exact PDF sent ({@code application/pdf}), LOINC 34109-9 Note as its type (no LOINC
 * document type names a disclosure summary), the staff member who sent it as author.
 */
final class DocumentReferences {

	static final String PROFILE = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-documentreference";

	static final String CATEGORY_SYSTEM = "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category";

	static final String FORMAT_SYSTEM = "http://ihe.net/fhir/ihe.formatcode.fhir/CodeSystem/formatcode";

	static final String PROGRESS_NOTE = "11506-3";

	private DocumentReferences() {
	}

	static DocumentReference toFhir(SignedNote note) {
		DocumentReference document = new DocumentReference();
		document.setId(note.id().toString());
		document.getMeta().addProfile(PROFILE);
		document.setStatus(DocumentReferenceStatus.CURRENT);
		document.setDocStatus(!note.locked() ? DocumentReference.ReferredDocumentStatus.PRELIMINARY : note.amended()
				? DocumentReference.ReferredDocumentStatus.AMENDED : DocumentReference.ReferredDocumentStatus.FINAL);
		document.setType(type(note));
		document.addCategory()
			.addCoding()
			.setSystem(CATEGORY_SYSTEM)
			.setCode("clinical-note")
			.setDisplay("Clinical Note");
		document.setSubject(new Reference("Patient/" + note.patientId()));
		if (note.signedAt() != null) {
			document.setDateElement(new InstantType(Date.from(note.signedAt())));
		}
		document.addAuthor(new Reference("Practitioner/" + note.authorId()).setDisplay(note.authorName()));
		document.setDescription(note.typeLabel() + ", " + note.noteDate());
		DocumentReference.DocumentReferenceContentComponent content = document.addContent();
		content.getAttachment()
			.setContentType("text/plain; charset=utf-8")
			.setLanguage("en")
			.setData(note.text().getBytes(StandardCharsets.UTF_8))
			.setTitle(note.typeLabel() + " " + note.noteDate())
			.setCreationElement(new DateTimeType(Date.from(note.signedAt())));
		content.getFormat()
			.setSystem(FORMAT_SYSTEM)
			.setCode("urn:ihe:iti:xds:2017:mimeTypeSufficient")
			.setDisplay("mimeType Sufficient");
		DocumentReference.DocumentReferenceContentComponent pdf = document.addContent();
		pdf.getAttachment()
			.setContentType("application/pdf")
			.setLanguage("en")
			.setUrl(BinaryProvider.URL_PREFIX + note.id())
			.setTitle(note.typeLabel() + " " + note.noteDate() + " (PDF)")
			.setCreationElement(new DateTimeType(Date.from(note.signedAt())));
		pdf.setFormat(content.getFormat().copy());
		document.getContext().getPeriod().setStartElement(new DateTimeType(note.noteDate().toString()));
		if (note.dosingSessionId() != null) {
			document.getContext().addEncounter(new Reference("Encounter/" + note.dosingSessionId()));
		}
		return document;
	}

	static DocumentReference toFhir(DisclosedDocument disclosure) {
		DocumentReference document = new DocumentReference();
		document.setId(disclosure.id().toString());
		document.getMeta().addProfile(PROFILE);
		document.setStatus(DocumentReferenceStatus.CURRENT);
		document.setDocStatus(DocumentReference.ReferredDocumentStatus.FINAL);
		CodeableConcept type = new CodeableConcept();
		type.addCoding().setSystem(InstrumentCodes.LOINC).setCode("34109-9").setDisplay("Note");
		document.setType(type.setText("Disclosure to an outside provider"));
		document.addCategory()
			.addCoding()
			.setSystem(CATEGORY_SYSTEM)
			.setCode("clinical-note")
			.setDisplay("Clinical Note");
		document.setSubject(new Reference("Patient/" + disclosure.patientId()));
		document.setDateElement(new InstantType(Date.from(disclosure.disclosedAt())));
		document.addAuthor(
				new Reference("Practitioner/" + disclosure.disclosedBy()).setDisplay(disclosure.disclosedByName()));
		document.setDescription("Sent to " + disclosure.providerName() + ": "
				+ String.join(", ",
						disclosure.content()
							.stream()
							.map((c) -> ReleasesOfInformation.CONTENT_LABELS.getOrDefault(c, c))
							.toList()));
		DocumentReference.DocumentReferenceContentComponent content = document.addContent();
		content.getAttachment()
			.setContentType("application/pdf")
			.setData(disclosure.pdf())
			.setTitle("Disclosure to " + disclosure.providerName())
			.setCreationElement(new DateTimeType(Date.from(disclosure.disclosedAt())));
		content.getFormat()
			.setSystem(FORMAT_SYSTEM)
			.setCode("urn:ihe:iti:xds:2017:mimeTypeSufficient")
			.setDisplay("mimeType Sufficient");
		return document;
	}

	/** The LOINC document type (US Core's clinical note types) and our type in words. */
	private static CodeableConcept type(SignedNote note) {
		String code;
		String display;
		switch (note.type()) {
			case "INTAKE_ASSESSMENT" -> {
				code = "34117-2";
				display = "History and physical note";
			}
			case "DISCHARGE_SUMMARY" -> {
				code = "18842-5";
				display = "Discharge summary";
			}
			default -> {
				code = PROGRESS_NOTE;
				display = "Progress note";
			}
		}
		CodeableConcept type = new CodeableConcept();
		type.addCoding().setSystem(InstrumentCodes.LOINC).setCode(code).setDisplay(display);
		return type.setText(note.typeLabel());
	}

}
