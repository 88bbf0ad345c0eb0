package org.kapclinic.portal;

import java.util.UUID;

import org.kapclinic.patient.ChartTab;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
import org.kapclinic.portal.PortalAccounts.InviteRequest;
import org.kapclinic.portal.PortalAccounts.RevokeRequest;
import org.kapclinic.shared.NotFoundException;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The staff side of the portal (issue 21): the chart's "Portal" tab with the account's
 * state, the invitation form and ending access ({@link PortalInviteApi} for the API).
 */
@Controller
class PortalStaffSide {

	private final PortalAccounts accounts;

	private final Patients patients;

	private final PortalMessages messages;

	/**
	 * Whether the signed-in user may see this patient's clinical record (messages are).
	 */
	private final java.util.function.Predicate<UUID> clinical;

	PortalStaffSide(PortalAccounts accounts, Patients patients, PortalMessages messages,
			org.kapclinic.patient.CareTeamAccess access, org.kapclinic.identity.CurrentUser currentUser) {
		this.messages = messages;
		this.clinical = (patientId) -> access.canSeeClinical(currentUser.require(), patientId);
		this.accounts = accounts;
		this.patients = patients;
	}

	@Bean
	static ChartTab portalChartTab() {
		return new ChartTab("portal", "Portal", "phone", 90, false);
	}

	@GetMapping("/patients/{id}/portal")
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	String tab(@PathVariable UUID id, Model model) {
		PatientSummary patient = this.patients.summary(id).orElseThrow(() -> new NotFoundException("Patient", id));
		model.addAttribute("patient", patient);
		model.addAttribute("account", this.accounts.forPatient(id).orElse(null));
		model.addAttribute("emailOnFile", this.patients.email(id).orElse(""));
		model.addAttribute("messages", this.clinical.test(id) ? this.messages.threadForStaff(id) : null);
		return "portal/staff-tab";
	}

	@PostMapping("/patients/{id}/portal-invite")
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	String invite(@PathVariable UUID id, @RequestParam(required = false) String email, RedirectAttributes redirect) {
		PortalAccounts.Invitation sent = this.accounts.invite(id, new InviteRequest(email));
		redirect.addFlashAttribute("message", "Invitation e-mailed to " + sent.email() + ".");
		return "redirect:/patients/" + id + "/portal";
	}

	@PostMapping("/patients/{id}/portal-access/revoke")
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	String revoke(@PathVariable UUID id, @RequestParam(required = false) String reason, RedirectAttributes redirect) {
		this.accounts.revoke(id, new RevokeRequest(reason));
		redirect.addFlashAttribute("message", "Portal access ended; the patient is signed out.");
		return "redirect:/patients/" + id + "/portal";
	}

}
