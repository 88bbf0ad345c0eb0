/**
 * Reports across the practice (issue 18): the outcomes report over a read model the
 * module keeps from measures' and dosing's events (ADR 7), and later the research export
 * and the public results page. It reads from the other modules; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Reports", allowedDependencies = { "dosing", "measures",
		"scheduling", "patient", "intake", "identity", "audit", "shared" })
package org.kapclinic.reports;
