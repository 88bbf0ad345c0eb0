/**
 * The access fund (issue 20): donations recorded by staff, a double-entry ledger per
 * restriction that can never go negative, applications with the household's percent of
 * the HHS poverty guidelines, and the committee's awards. Blinded by design: nothing here
 * is shown on clinical pages or APIs, and clinicians have no access to it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Access fund", allowedDependencies = { "patient",
		"intake", "scheduling", "notification", "reports", "identity", "audit", "shared" })
package org.kapclinic.fund;
