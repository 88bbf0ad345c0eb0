package org.kapclinic.fund;

import org.kapclinic.shared.Money;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.kapclinic.patient.Patients;

/** Rows of {@code fund.application} as {@link FundApplication}s. */
final class FundApplicationRows {

	private FundApplicationRows() {
	}

	static FundApplication of(ResultSet rs, String currency) throws SQLException {
		ApplicationStatus status = ApplicationStatus.valueOf(rs.getString("status"));
		long awardMinor = rs.getLong("award_minor");
		Long award = rs.wasNull() ? null : awardMinor;
		String restriction = rs.getString("award_restriction");
		return new FundApplication(rs.getObject("id", UUID.class), rs.getObject("patient_id", UUID.class), null, null,
				rs.getInt("household_size"), rs.getLong("annual_income_minor"),
				Money.format(rs.getLong("annual_income_minor"), currency), currency, rs.getString("need_statement"),
				rs.getInt("guideline_year"), rs.getString("guideline_region"), rs.getLong("guideline_minor"),
				rs.getInt("poverty_percent"), status, status.label(), rs.getTimestamp("submitted_at").toInstant(),
				award, (award != null) ? Money.format(award, currency) : null,
				(restriction != null) ? new Restriction(restriction).label() : null,
				(Integer) rs.getObject("award_sessions"), rs.getString("decision_reason"));
	}

	static FundApplication named(FundApplication a, Patients.PatientName name) {
		return new FundApplication(a.id(), a.patientId(), (name != null) ? name.displayName() : "",
				(name != null) ? name.mrn() : "", a.householdSize(), a.annualIncomeMinor(), a.annualIncome(),
				a.currency(), a.needStatement(), a.guidelineYear(), a.guidelineRegion(), a.guidelineMinor(),
				a.povertyPercent(), a.status(), a.statusLabel(), a.submittedAt(), a.awardMinor(), a.award(),
				a.awardRestriction(), a.awardSessions(), a.decisionReason());
	}

	/** The application as it stands once decided (without reading it again). */
	static FundApplication decided(FundApplication a, ApplicationStatus status, AwardWriter.Award award,
			String reason) {
		Long awardMinor = (award != null) ? award.amountMinor() : null;
		return new FundApplication(a.id(), a.patientId(), a.patientName(), a.mrn(), a.householdSize(),
				a.annualIncomeMinor(), a.annualIncome(), a.currency(), a.needStatement(), a.guidelineYear(),
				a.guidelineRegion(), a.guidelineMinor(), a.povertyPercent(), status, status.label(), a.submittedAt(),
				awardMinor, (awardMinor != null) ? Money.format(awardMinor, a.currency()) : null,
				(award != null) ? award.restriction().label() : null, (award != null) ? award.sessions() : null,
				reason);
	}

}
