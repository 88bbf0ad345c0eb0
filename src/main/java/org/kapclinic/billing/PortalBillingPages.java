package org.kapclinic.billing;

import java.time.LocalDate;

import org.kapclinic.shared.SignedInPatient;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The patient's invoices and superbills in the portal (issue 21, with issue 20's
 * billing): each invoice with its balance, and the superbill for its period as a PDF to
 * send to an insurer. The patient is the signed-in one ({@code @selfAccess}).
 */
@Controller
class PortalBillingPages {

	private final Invoices invoices;

	private final Superbills superbills;

	PortalBillingPages(Invoices invoices, Superbills superbills) {
		this.invoices = invoices;
		this.superbills = superbills;
	}

	@GetMapping("/portal/billing")
	String documents(@AuthenticationPrincipal SignedInPatient patient, Model model) {
		model.addAttribute("invoices",
				this.invoices.forPatient(patient.patientId()).stream().filter((i) -> !i.voided()).toList());
		return "billing/portal-documents";
	}

	@GetMapping("/portal/billing/superbill.pdf")
	ResponseEntity<byte[]> superbill(@AuthenticationPrincipal SignedInPatient patient,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"superbill-" + from + ".pdf\"")
			.body(this.superbills.pdf(patient.patientId(), from, to));
	}

}
