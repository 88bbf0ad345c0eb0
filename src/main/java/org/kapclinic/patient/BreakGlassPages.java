package org.kapclinic.patient;

import java.time.Clock;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Break-glass in the browser: the emergency-access page (MRN and reason) that opens the
 * chart, and the review list with its review form for administrators and prescribers.
 */
@Controller
class BreakGlassPages {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm");

	private final BreakGlass breakGlass;

	private final UserDirectory users;

	private final Patients patients;

	private final Clock clock;

	BreakGlassPages(BreakGlass breakGlass, UserDirectory users, Patients patients, Clock clock) {
		this.breakGlass = breakGlass;
		this.users = users;
		this.patients = patients;
		this.clock = clock;
	}

	@GetMapping("/break-glass")
	String form() {
		return "patient/break-glass";
	}

	@PostMapping("/break-glass")
	String open(@RequestParam(required = false) String mrn, @RequestParam(required = false) String reason) {
		BreakGlass.Grant grant = this.breakGlass.openByMrn(mrn, reason);
		return "redirect:/patients/" + grant.patientId();
	}

	@GetMapping("/break-glass/reviews")
	String reviews(Model model) {
		List<BreakGlass.Grant> grants = this.breakGlass.report(500);
		Set<UUID> people = new HashSet<>();
		Set<UUID> charts = new HashSet<>();
		for (BreakGlass.Grant grant : grants) {
			people.add(grant.userId());
			charts.add(grant.patientId());
			if (grant.reviewedBy() != null) {
				people.add(grant.reviewedBy());
			}
		}
		Map<UUID, StaffMember> staff = this.users.findAll(people);
		Map<UUID, Patients.PatientName> names = this.patients.names(charts);
		model.addAttribute("rows",
				grants.stream()
					.map((grant) -> new Row(grant, name(staff, grant.userId()),
							names.containsKey(grant.patientId()) ? names.get(grant.patientId()).displayName() + " ("
									+ names.get(grant.patientId()).mrn() + ")" : "",
							WHEN.format(grant.grantedAt().atZone(this.clock.getZone())),
							WHEN.format(grant.expiresAt().atZone(this.clock.getZone())),
							(grant.reviewedBy() != null) ? name(staff, grant.reviewedBy()) : null))
					.toList());
		model.addAttribute("outcomes", BreakGlassOutcome.values());
		return "patient/break-glass-reviews";
	}

	@PostMapping("/break-glass/{id}/review")
	String review(@PathVariable UUID id, @RequestParam(required = false) BreakGlassOutcome outcome,
			@RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.breakGlass.review(id, outcome, note);
		redirect.addFlashAttribute("message", "Review recorded.");
		return "redirect:/break-glass/reviews";
	}

	private static String name(Map<UUID, StaffMember> staff, UUID id) {
		StaffMember member = staff.get(id);
		return (member != null) ? member.displayName() + " (" + member.username() + ")" : "a former account";
	}

	/** One grant as the review list shows it. */
	record Row(BreakGlass.Grant grant, String who, String patient, String granted, String until, String reviewer) {
	}

}
