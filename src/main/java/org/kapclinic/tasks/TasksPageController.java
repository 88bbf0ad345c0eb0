package org.kapclinic.tasks;

import java.util.List;
import java.util.UUID;

import org.kapclinic.patient.Patients;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** "My tasks": what the clinic has assigned to the signed-in user, urgent first. */
@Controller
class TasksPageController {

	private final CareTasks tasks;

	private final Patients patients;

	TasksPageController(CareTasks tasks, Patients patients) {
		this.tasks = tasks;
		this.patients = patients;
	}

	@GetMapping("/tasks")
	String mine(Model model) {
		List<CareTask> mine = this.tasks.mine();
		// Assigned because the user is on the patient's care team: they may see who it
		// is.
		model.addAttribute("tasks", mine);
		model.addAttribute("now", java.time.Instant.now());
		model.addAttribute("patients", this.patients.names(mine.stream().map(CareTask::patientId).toList()));
		return "tasks/mine";
	}

	@PostMapping("/tasks/{id}/complete")
	String complete(@PathVariable UUID id, @RequestParam(required = false) String note, RedirectAttributes redirect) {
		this.tasks.complete(id, note);
		redirect.addFlashAttribute("message", "Task done.");
		return "redirect:/tasks";
	}

}
