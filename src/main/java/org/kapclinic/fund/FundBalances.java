package org.kapclinic.fund;

import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each restriction's balance, for billing, the committee and administrators (issue 20):
 * the access check lives here, not in the pages or the API.
 */
@Service
@Transactional(readOnly = true)
public class FundBalances {

	private final FundLedger ledger;

	FundBalances(FundLedger ledger) {
		this.ledger = ledger;
	}

	@PreAuthorize("hasAnyRole('ADMIN', 'BILLING', 'FUND_COMMITTEE')")
	public List<FundLedger.Balance> list() {
		return this.ledger.balances();
	}

}
