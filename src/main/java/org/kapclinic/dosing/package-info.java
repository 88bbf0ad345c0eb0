/**
 * Dosing sessions: protocols (versioned data, each value with its source), the session
 * state machine from check-in to discharge, weight-based orders with soft and hard
 * ceilings, administrations drawn from the controlled-substance ledger, vitals and
 * observations with threshold alerts, the discharge rule (minimum observation since the
 * last dose, Spravato REMS 2 h), the REMS monitoring summary and the live floor board.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Dosing sessions",
		allowedDependencies = { "patient", "intake", "scheduling",
				// the demo floor is seated in the demo chairs
				"scheduling::demo", "measures", "ledger", "tasks", "identity", "audit", "shared" })
package org.kapclinic.dosing;
