package org.kapclinic.fund;

import java.time.Clock;

import org.kapclinic.shared.ClinicTime;
import org.springframework.stereotype.Component;

/**
 * A household's percent of this year's HHS poverty guidelines for the clinic's region
 * ({@code kap.fund.poverty-region}): the one figure the fund's applications and billing's
 * sliding scale both start from.
 */
@Component
public class HouseholdPoverty {

	private final PovertyGuidelines guidelines;

	private final FundSettings settings;

	private final ClinicTime clinicTime;

	private final Clock clock;

	HouseholdPoverty(PovertyGuidelines guidelines, FundSettings settings, ClinicTime clinicTime, Clock clock) {
		this.guidelines = guidelines;
		this.settings = settings;
		this.clinicTime = clinicTime;
		this.clock = clock;
	}

	/** Household size 1–20 and yearly income in cents → the percent and its table. */
	public PovertyPercent of(int householdSize, long annualIncomeMinor) {
		return this.guidelines.percent(householdSize, annualIncomeMinor, this.settings.povertyRegion(),
				this.clinicTime.today(this.clock).getYear());
	}

}
