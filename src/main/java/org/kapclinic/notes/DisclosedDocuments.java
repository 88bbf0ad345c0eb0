package org.kapclinic.notes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.shared.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The PDFs sent to outside providers (the accounting of disclosures, 45 CFR 164.528) as
 * documents for other systems (FHIR DocumentReference): each the exact PDF sent, with
 * whom it went to, when and what it held. Read through {@link Disclosures}, so the
 * chart's clinical access rule and its audit apply.
 */
@Service
@Transactional(readOnly = true)
public class DisclosedDocuments {

	private final Disclosures disclosures;

	private final JdbcClient jdbc;

	DisclosedDocuments(Disclosures disclosures, JdbcClient jdbc) {
		this.disclosures = disclosures;
		this.jdbc = jdbc;
	}

	/**
	 * One disclosure's PDF.
	 *
	 * @param content the release-of-information content categories it held
	 * @param pdfSha256 the SHA-256 (hex) of the PDF, as in the accounting
	 */
	public record DisclosedDocument(UUID id, UUID patientId, String providerName, List<String> content,
			Instant disclosedAt, UUID disclosedBy, String disclosedByName, String pdfSha256, byte[] pdf) {
	}

	/** The patient's disclosures, newest first, each with its PDF. */
	public List<DisclosedDocument> ofPatient(UUID patientId) {
		return this.disclosures.accounting(patientId).stream().map(this::document).toList();
	}

	/** One disclosure of a patient the user may see (404 otherwise). */
	public DisclosedDocument read(UUID disclosureId) {
		UUID patientId = this.jdbc.sql("select patient_id from notes.disclosure where id = ?")
			.param(disclosureId)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NotFoundException(Disclosures.RESOURCE, disclosureId));
		return this.disclosures.accounting(patientId)
			.stream()
			.filter((d) -> d.id().equals(disclosureId))
			.findFirst()
			.map(this::document)
			.orElseThrow(() -> new NotFoundException(Disclosures.RESOURCE, disclosureId));
	}

	private DisclosedDocument document(Disclosure d) {
		return new DisclosedDocument(d.id(), d.patientId(), d.providerName(), d.content(), d.disclosedAt(),
				d.disclosedBy(), d.disclosedByName(), d.pdfSha256(), this.disclosures.pdf(d.id()));
	}

}
