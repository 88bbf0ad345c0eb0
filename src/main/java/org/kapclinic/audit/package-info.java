/**
 * The audit trail: an append-only, hash-chained record of who saw or changed what, when,
 * from where, and with what outcome. Every module calls
 * {@link org.kapclinic.audit.AuditTrail} inside its service methods (reads produce no
 * domain events), so audit depends on nothing but the shared kernel.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit trail", allowedDependencies = "shared")
package org.kapclinic.audit;
