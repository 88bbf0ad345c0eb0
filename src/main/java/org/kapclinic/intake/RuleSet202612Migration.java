package org.kapclinic.intake;

import org.springframework.stereotype.Component;

/**
 * Flyway migration intake 40 (issue 13, clinical safety second pass): publishes rule set
 * 2026.12-1. A database created before it already holds 2026.11-1 (published on start
 * until now); a new one gets 2026.11-1 first, so both have the same history.
 */
@Component
class RuleSet202612Migration extends RuleSetMigration {

	RuleSet202612Migration() {
		super("40", "2026.11-1", "2026.12-1");
	}

}
