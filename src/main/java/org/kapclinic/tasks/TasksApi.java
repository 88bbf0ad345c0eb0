package org.kapclinic.tasks;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Care tasks")
class TasksApi {

	private final CareTasks tasks;

	TasksApi(CareTasks tasks) {
		this.tasks = tasks;
	}

	@GetMapping("/api/v1/tasks")
	@Operation(summary = "The signed-in user's open tasks, urgent first")
	List<CareTask> mine() {
		return this.tasks.mine();
	}

	@GetMapping("/api/v1/patients/{id}/tasks")
	@Operation(summary = "The patient's open tasks")
	List<CareTask> forPatient(@PathVariable UUID id) {
		return this.tasks.openFor(id);
	}

	@PostMapping("/api/v1/tasks/{id}/complete")
	@Operation(summary = "Complete a task assigned to you, with a note",
			description = "422 for tasks that only their source closes (a suicide-risk review closes with the flag).")
	CareTask complete(@PathVariable UUID id, @RequestBody Completion completion) {
		return this.tasks.complete(id, completion.note());
	}

	record Completion(String note) {
	}

}
