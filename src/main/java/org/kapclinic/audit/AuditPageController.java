package org.kapclinic.audit;

import java.util.UUID;

import org.kapclinic.audit.AuditQueries.AuditFilter;
import org.kapclinic.shared.Paging;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The audit trail for administrators: "who looked at this chart", and chain verification.
 */
@Controller
@RequestMapping("/admin/audit")
class AuditPageController {

	private static final int PAGE_SIZE = 50;

	private final AuditQueries queries;

	AuditPageController(AuditQueries queries) {
		this.queries = queries;
	}

	@GetMapping
	String entries(@RequestParam(required = false) UUID patientId, @RequestParam(required = false) UUID userId,
			@RequestParam(required = false) AuditAction action, @RequestParam(defaultValue = "0") int page,
			Model model) {
		Paging.check(page, PAGE_SIZE);
		int current = page;
		model.addAttribute("entries",
				this.queries.find(new AuditFilter(patientId, userId, action, null, null), current, PAGE_SIZE));
		model.addAttribute("patientId", patientId);
		model.addAttribute("userId", userId);
		model.addAttribute("action", action);
		model.addAttribute("actions", AuditAction.values());
		model.addAttribute("page", current);
		model.addAttribute("pageSize", PAGE_SIZE);
		return "audit/entries";
	}

	@PostMapping("/verify")
	String verify(RedirectAttributes redirect) {
		ChainVerification result = this.queries.verify();
		if (result.valid()) {
			redirect.addFlashAttribute("message",
					"Audit chain intact: " + result.entries() + " sealed entries verified.");
		}
		else {
			redirect.addFlashAttribute("error", "Audit chain BROKEN at entry " + result.firstBrokenId()
					+ ". Preserve the database and investigate.");
		}
		return "redirect:/admin/audit";
	}

}
