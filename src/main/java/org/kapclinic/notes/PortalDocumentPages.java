package org.kapclinic.notes;

import java.time.format.DateTimeFormatter;
import java.util.UUID;

import org.kapclinic.shared.ClinicTime;
import org.kapclinic.shared.SignedInPatient;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The patient's documents in the portal (issue 21): what the clinic disclosed about them
 * to outside providers under their release of information, each with the exact PDF sent.
 * Invoices and superbills have their own page (billing).
 */
@Controller
class PortalDocumentPages {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy");

	private final OwnDisclosures disclosures;

	private final ClinicTime clinicTime;

	PortalDocumentPages(OwnDisclosures disclosures, ClinicTime clinicTime) {
		this.disclosures = disclosures;
		this.clinicTime = clinicTime;
	}

	@GetMapping("/portal/documents")
	String documents(@AuthenticationPrincipal SignedInPatient patient, Model model) {
		model.addAttribute("disclosures", this.disclosures.own(patient.patientId()));
		model.addAttribute("day", DAY.withZone(this.clinicTime.timeZone()));
		return "notes/portal-documents";
	}

	@GetMapping("/portal/documents/disclosures/{disclosureId}.pdf")
	ResponseEntity<byte[]> pdf(@AuthenticationPrincipal SignedInPatient patient, @PathVariable UUID disclosureId) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("disclosure-" + disclosureId + ".pdf").build().toString())
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.body(this.disclosures.ownPdf(patient.patientId(), disclosureId));
	}

}
