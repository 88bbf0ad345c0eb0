package org.kapclinic.ledger;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;

import org.kapclinic.shared.ClinicTime;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Stock for the synthetic demo clinic, so dosing has lots to draw from: received once,
 * into an empty ledger. Lot numbers start with DEMO; the ketamine NDCs use the labeler
 * code 99999, which stands for no real manufacturer here (Spravato's NDC is real, as the
 * receipt rules require it).
 */
@Component
@ConditionalOnBooleanProperty("kap.demo.enabled")
@Order(20)
class DemoStock implements ApplicationRunner {

	private final StockKeeping stock;

	private final Entries entries;

	private final ClinicTime clinicTime;

	private final Clock clock;

	DemoStock(StockKeeping stock, Entries entries, ClinicTime clinicTime, Clock clock) {
		this.stock = stock;
		this.entries = entries;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!this.entries.lots(true).isEmpty()) {
			return;
		}
		LocalDate today = this.clinicTime.today(this.clock);
		// 10 vials of 10 mL at 50 mg/mL
		receive("KETAMINE", "99999-050-10", "DEMO-K50-A1", today.plusYears(1), "5000", "50");
		// 10 vials of 5 mL at 100 mg/mL (dilute before IV use, Ketalar PI)
		receive("KETAMINE", "99999-100-05", "DEMO-K100-B2", today.plusMonths(9), "5000", "100");
		// 10 vials of 20 mL at 10 mg/mL, expiring soon
		receive("KETAMINE", "99999-010-20", "DEMO-K10-D4", today.plusDays(30), "2000", "10");
		// 10 kits of 3 Spravato devices, 28 mg each
		receive("ESKETAMINE", "50458-028-03", "DEMO-ESK-C3", today.plusMonths(6), "840", null);
	}

	private void receive(String product, String ndc, String lot, LocalDate expiry, String mg, String mgPerMl) {
		this.stock.receive(new ReceiptRequest(product, ndc, lot, expiry, new BigDecimal(mg),
				(mgPerMl != null) ? new BigDecimal(mgPerMl) : null, null, "demo stock (synthetic)"), null);
	}

}
