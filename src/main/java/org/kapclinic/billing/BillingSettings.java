package org.kapclinic.billing;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Billing's settings ({@code kap.billing.*}, issue 20).
 *
 * @param currency the currency prices are typed in on the pages, ISO 4217 (USD)
 * @param slidingScale the clinic's discount tiers, lowest income first: a household at or
 * below a tier's percent of the HHS poverty guidelines gets its discount on each invoice;
 * above the last tier, the full fee. The defaults (75 % off at or below 100 % of the
 * guidelines, 50 % to 200 %, 25 % to 300 %) are an example, not a standard: every clinic
 * sets its own. Each tier is {@code name}, {@code up-to-percent} and
 * {@code discount-percent}, e.g. {@code kap.billing.sliding-scale[0].up-to-percent=100}.
 * @param slidingScaleValidDays how long an assessment holds before the household's income
 * is asked again (365: a year)
 */
@ConfigurationProperties("kap.billing")
public record BillingSettings(String currency, List<Tier> slidingScale, Integer slidingScaleValidDays) {

	/** One discount tier. */
	public record Tier(String name, int upToPercent, int discountPercent) {
	}

	public BillingSettings {
		currency = (currency == null || currency.isBlank()) ? "USD" : currency.strip();
		// Refused at start: a typo would otherwise fail every price typed.
		java.util.Currency.getInstance(currency);
		slidingScale = (slidingScale == null || slidingScale.isEmpty())
				? List.of(new Tier("A", 100, 75), new Tier("B", 200, 50), new Tier("C", 300, 25))
				: List.copyOf(slidingScale);
		slidingScaleValidDays = (slidingScaleValidDays == null) ? 365 : slidingScaleValidDays;
		int previous = -1;
		for (Tier tier : slidingScale) {
			// Refused at start: tiers out of order would give a richer household the
			// deeper discount.
			if (tier.upToPercent() <= previous || tier.discountPercent() < 0 || tier.discountPercent() > 100) {
				throw new IllegalArgumentException("kap.billing.sliding-scale: tiers must rise in up-to-percent, "
						+ "each with a discount of 0–100 %; check tier " + tier.name());
			}
			previous = tier.upToPercent();
		}
	}

	/** The tier of a household at this percent of the guidelines; none above the last. */
	java.util.Optional<Tier> tierFor(int povertyPercent) {
		return this.slidingScale.stream().filter((t) -> povertyPercent <= t.upToPercent()).findFirst();
	}

}
