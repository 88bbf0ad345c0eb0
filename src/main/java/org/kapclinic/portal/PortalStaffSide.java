package org.kapclinic.portal;

import java.util.UUID;

import org.kapclinic.patient.ChartTab;
import org.kapclinic.patient.PatientSummary;
import org.kapclinic.patient.Patients;
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
 * state and its guardians' proxy accounts, the invitation forms, ending access and the
 * message threads ({@link PortalInviteApi} for the API).
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

	private final PortalSettings settings;

	PortalStaffSide(PortalAccounts accounts, Patients patients, PortalMessages messages,
			org.kapclinic.patient.CareTeamAccess access, org.kapclinic.identity.CurrentUser currentUser,
			PortalSettings settings) {
		this.settings = settings;
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
		java.util.List<PortalAccount> all = this.accounts.all(id);
		model.addAttribute("account",
				all.stream().filter((a) -> a.holder() == PortalAccountHolder.PATIENT).findFirst().orElse(null));
		model.addAttribute("guardianAccounts",
				all.stream().filter((a) -> a.holder() == PortalAccountHolder.GUARDIAN).toList());
		model.addAttribute("emailOnFile", this.patients.email(id).orElse(""));
		model.addAttribute("guardians",
				patient.minor() ? this.patients.guardians(id)
					.stream()
					.filter((g) -> org.kapclinic.notification.OutgoingMail
						.isAddress((g.email() == null) ? "" : g.email().strip().toLowerCase(java.util.Locale.ROOT)))
					.toList() : java.util.List.of());
		model.addAttribute("guardiansSeeJournal", this.settings.guardiansSeeJournal());
		model.addAttribute("threads", this.clinical.test(id) ? this.messages.threadsForStaff(id) : null);
		return "portal/staff-tab";
	}

	@PostMapping("/patients/{id}/portal-invite")
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	String invite(@PathVariable UUID id, @RequestParam(required = false) String email,
			@RequestParam(required = false) PortalAccountHolder holder, RedirectAttributes redirect) {
		Invitation sent = this.accounts.invite(id, new InviteRequest(email, holder));
		redirect.addFlashAttribute("message", ((sent.holder() == PortalAccountHolder.GUARDIAN)
				? "Proxy invitation e-mailed to the guardian at " : "Invitation e-mailed to ") + sent.email() + ".");
		return "redirect:/patients/" + id + "/portal";
	}

	@PostMapping("/patients/{id}/portal-access/revoke")
	@PreAuthorize("hasAnyRole('ADMIN', 'FRONT_DESK', 'PRESCRIBER', 'NURSE', 'THERAPIST')")
	String revoke(@PathVariable UUID id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) UUID accountId, RedirectAttributes redirect) {
		PortalAccount ended = this.accounts.revoke(id, new RevokeRequest(reason, accountId));
		redirect.addFlashAttribute("message",
				(accountId == null) ? "Portal access ended for the patient and any guardians; they are signed out."
						: "Portal access ended for " + ended.holderLabel() + "; they are signed out.");
		return "redirect:/patients/" + id + "/portal";
	}

}
