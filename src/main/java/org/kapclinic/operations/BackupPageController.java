package org.kapclinic.operations;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The backup status page for administrators (issue 17): the newest base backup, the WAL
 * archiver, and warnings that say what to do. Backups themselves are taken by
 * {@code scripts/backup} on the machine, not from a page: the app must not be able to
 * write where its backups live.
 */
@Controller
class BackupPageController {

	private final BackupMonitor monitor;

	private final BackupSettings settings;

	BackupPageController(BackupMonitor monitor, BackupSettings settings) {
		this.monitor = monitor;
		this.settings = settings;
	}

	@GetMapping("/admin/backups")
	String status(Model model) {
		model.addAttribute("status", this.monitor.status());
		model.addAttribute("settings", this.settings);
		return "operations/backups";
	}

}
