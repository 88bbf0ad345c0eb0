package org.kapclinic.fhir;

import java.util.UUID;

import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.server.IResourceProvider;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Reference;
import org.kapclinic.notes.SignedNotes;
import org.springframework.stereotype.Component;

/**
 * {@code Binary/{id}}: a signed note as PDF, the {@code application/pdf} content its
 * DocumentReference points to (same id). Read through the notes module, under the chart's
 * clinical access rule and audited there; anything but a signed, unvoided, non-private
 * note is 404. HAPI answers the PDF itself when the client asks for
 * {@code application/pdf} (or anything not FHIR), and a Binary resource in JSON or XML
 * otherwise.
 */
@Component
class BinaryProvider implements IResourceProvider {

	/** How a DocumentReference names a note's PDF (relative to the FHIR base). */
	static final String URL_PREFIX = "Binary/";

	private final SignedNotes notes;

	BinaryProvider(SignedNotes notes) {
		this.notes = notes;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return Binary.class;
	}

	@Read
	public Binary read(@IdParam IdType id) {
		UUID noteId = FhirIds.uuid(id);
		Binary binary = new Binary();
		binary.setId(noteId.toString());
		binary.setContentType("application/pdf");
		binary.setSecurityContext(new Reference("DocumentReference/" + noteId));
		binary.setData(this.notes.pdf(noteId));
		return binary;
	}

}
