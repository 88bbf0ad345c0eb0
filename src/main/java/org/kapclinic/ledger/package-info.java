/**
 * The controlled-substance ledger (ketamine and esketamine are DEA Schedule III,
 * clinical.md 5.1): lots by product, NDC, concentration, expiry and location; receipts;
 * draws for administrations (called by dosing through
 * {@link org.kapclinic.ledger.Ledger}); witnessed waste; counts with discrepancies for an
 * ADMIN; a running balance per lot and an inventory for a date. Append-only, in the
 * database too: a correction is a new entry that references the old one.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Controlled-substance ledger",
		allowedDependencies = { "identity", "audit", "notification", "shared" })
package org.kapclinic.ledger;
