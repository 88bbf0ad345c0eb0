package org.kapclinic.ledger;

import java.util.EnumSet;
import java.util.Set;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditOutcome;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may do what with controlled substances. Prescribers, nurses and administrators keep
 * the books (receipts, waste, counts) and read them; only prescribers and nurses draw for
 * an administration; only an administrator resolves a discrepancy. Front desk and
 * therapists have no access. Refusals are audited.
 */
@Component
class LedgerAccess {

	static final Set<Role> KEEPERS = EnumSet.of(Role.PRESCRIBER, Role.NURSE, Role.ADMIN);

	static final Set<Role> ADMINISTERING = EnumSet.of(Role.PRESCRIBER, Role.NURSE);

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	LedgerAccess(CurrentUser currentUser, AuditTrail audit) {
		this.currentUser = currentUser;
		this.audit = audit;
	}

	/** Reads the ledger, records receipts, waste and counts. */
	StaffMember requireKeeper(String what) {
		return require(KEEPERS, what, "Prescribers, nurses and administrators keep the controlled-substance ledger");
	}

	/** Draws stock for an administration. */
	StaffMember requireAdministering(String what) {
		return require(ADMINISTERING, what, "Prescribers and nurses draw controlled substances for a dose");
	}

	StaffMember requireAdmin(String what) {
		return require(EnumSet.of(Role.ADMIN), what, "Only an administrator resolves a discrepancy");
	}

	private StaffMember require(Set<Role> roles, String what, String message) {
		StaffMember user = this.currentUser.require();
		if (user.active() && user.roles().stream().anyMatch(roles::contains)) {
			return user;
		}
		this.audit.recordIndependently(AuditEvent.of(AuditAction.READ, Ledger.RESOURCE, null)
			.category(DataCategory.CONTROLLED_SUBSTANCE)
			.outcome(AuditOutcome.DENIED)
			.detail(what));
		throw new AccessDeniedException(message);
	}

}
