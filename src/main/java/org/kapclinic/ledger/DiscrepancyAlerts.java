package org.kapclinic.ledger;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.kapclinic.notification.Outbox;
import org.kapclinic.notification.OutgoingMail;
import org.kapclinic.shared.ClinicTime;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells the clinic's contact ({@code kap.ledger.discrepancy-contact}) of a count that
 * does not match the balance, by e-mail queued in the count's own transaction: the mail
 * goes only if the count is stored. A loss may have to be reported to the DEA within one
 * business day of its discovery (21 CFR 1301.76(b), DEA Form 106), so it should not wait
 * for someone to open the ledger page. The mail names the lot and the amounts, never a
 * patient.
 */
@Component
class DiscrepancyAlerts {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

	private final LedgerSettings settings;

	private final Outbox outbox;

	private final ZoneId zone;

	DiscrepancyAlerts(LedgerSettings settings, Outbox outbox, ClinicTime clinicTime) {
		this.settings = settings;
		this.outbox = outbox;
		this.zone = clinicTime.timeZone();
	}

	@EventListener
	void on(DiscrepancyFound found) {
		String contact = this.settings.discrepancyContact();
		if (contact == null) {
			return;
		}
		this.outbox.enqueue(OutgoingMail.text("ledger-discrepancy:" + found.discrepancyId(), contact,
				"Controlled-substance count discrepancy: lot " + found.lot(), """
						A count of lot %s did not match its balance.

						Expected: %s mg
						Counted:  %s mg
						Counted at: %s (%s)

						An administrator resolves it on the ledger page (Controlled substances → Open \
						discrepancies) with an adjustment and its reason. A theft or significant loss is \
						reported in writing to the DEA Field Division Office within one business day of its \
						discovery, and on DEA Form 106 (21 CFR 1301.76(b)).
						""".formatted(found.lot(), Entries.plain(found.expectedMg()), Entries.plain(found.countedMg()),
						WHEN.format(found.countedAt().atZone(this.zone)), this.zone.getId())));
	}

}
