package org.kapclinic.fund;

/**
 * The HHS poverty guideline that applied to a household, and the percent of it their
 * income is (the fund's applications and billing's sliding scale).
 *
 * @param year the guidelines' year
 * @param region CONTIGUOUS, ALASKA or HAWAII
 * @param guidelineMinor the guideline in cents
 * @param percent income / guideline × 100, rounded down (at the guideline exactly: 100)
 * @param source the Federal Register notice (or secondary source) of the year's table
 */
public record PovertyPercent(int year, String region, long guidelineMinor, int percent, String source) {
}
