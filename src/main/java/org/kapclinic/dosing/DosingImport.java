package org.kapclinic.dosing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.kapclinic.scheduling.SchedulingImport;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk load of active dosing sessions for the synthetic demo clinic's treatment floor:
 * the rows a session writes, without the gates, so it is for synthetic data only. Real
 * sessions go through {@link CheckIns} and {@link DosingSessions}.
 */
@Service
@NamedInterface("demo")
public class DosingImport {

	private static final String[][] PROTOCOLS = { { "IV_KETAMINE", "IV_INFUSION", "IV" },
			{ "ESKETAMINE_REMS", "ESKETAMINE", "IN" }, { "KAP_IM_KETAMINE", "KAP", "IM" },
			{ "KAP_SL_KETAMINE", "KAP", "SL" } };

	private final JdbcTemplate jdbc;

	private final SchedulingImport scheduling;

	private final Protocols protocols;

	private final Clock clock;

	DosingImport(JdbcTemplate jdbc, SchedulingImport scheduling, Protocols protocols, Clock clock) {
		this.jdbc = jdbc;
		this.scheduling = scheduling;
		this.protocols = protocols;
		this.clock = clock;
	}

	/**
	 * One active session per patient, checked in over the last ~100 minutes in a chair of
	 * its own, at every stage from pre-dose checks to monitoring; vitals every 15 min,
	 * some overdue, a few with an open blood-pressure alert.
	 */
	@Transactional
	public void demoFloor(List<UUID> patients, List<BigDecimal> weights, UUID nurse, UUID prescriber) {
		this.protocols.storeShippedQuietly();
		List<UUID> chairs = this.scheduling.demoChairs(patients.size());
		Instant now = Instant.now(this.clock);
		for (int i = 0; i < patients.size(); i++) {
			String[] protocol = PROTOCOLS[i % PROTOCOLS.length];
			int elapsed = (i * 17) % 110;
			Instant checkedIn = now.minus(Duration.ofMinutes(elapsed));
			UUID appointment = this.scheduling.demoDosing(patients.get(i), protocol[1], checkedIn, 180, chairs.get(i),
					nurse);
			session(patients.get(i), weights.get(i), appointment, chairs.get(i), protocol, checkedIn, now, i, nurse,
					prescriber);
		}
	}

	/**
	 * A finished session of the demo clinic's history: checked in, dosed by the
	 * protocol's route (0.5 mg/kg IV over 40 min, 0.75 mg/kg IM, 100 mg SL, 56 mg
	 * intranasal), vitals before and after, discharged two hours later; a side effect
	 * ({@code EFFECT|SEVERITY}) when given; one with {@code alert} had a systolic surge
	 * that was acknowledged, one {@code held} was held before the dose and released with
	 * a documented override. Synthetic data only.
	 */
	@Transactional
	public void demoPastSession(UUID patient, UUID course, UUID appointment, UUID chair, String protocolCode,
			BigDecimal weight, Instant checkedIn, boolean alert, boolean held, String sideEffect, UUID nurse,
			UUID prescriber) {
		this.protocols.storeShippedQuietly();
		String[] protocol = java.util.Arrays.stream(PROTOCOLS)
			.filter((p) -> p[0].equals(protocolCode))
			.findFirst()
			.orElseThrow();
		UUID id = UUID.randomUUID();
		Instant dose = checkedIn.plus(Duration.ofMinutes(15));
		Instant doseEnd = "IV".equals(protocol[2]) ? dose.plus(Duration.ofMinutes(40)) : dose;
		Instant discharged = dose.plus(Duration.ofMinutes(120));
		this.jdbc.update(
				"""
						insert into dosing.session (id, patient_id, appointment_id, room_id, protocol_code, protocol_version, program,
						    route, state, weight_kg, weight_measured_at, checklist, checklist_complete, first_dose_at, last_dose_at,
						    checked_in_at, checked_in_by, closed_at, course_id, held, hold_reason, hold_override_reason,
						    hold_override_by)
						values (?, ?, ?, ?, ?, ?, ?, ?, 'DISCHARGED', ?, ?, '{"FASTING":true,"RIDE_HOME":true}'::jsonb, true, ?, ?,
						    ?, ?, ?, ?, false, ?, ?, ?)""",
				id, patient, appointment, chair, protocol[0], this.protocols.current(protocol[0]).version(),
				protocol[1], protocol[2], weight, ts(checkedIn.minus(Duration.ofDays(1))), ts(dose), ts(doseEnd),
				ts(checkedIn), nurse, ts(discharged), course,
				held ? "Pre-dose blood pressure at the limit (demo)" : null,
				held ? "Rechecked after rest, benefit outweighs (demo)" : null, held ? prescriber : null);
		for (String state : List.of("CHECKED_IN", "ORDERED", "MONITORING", "DISCHARGED")) {
			Instant at = switch (state) {
				case "CHECKED_IN" -> checkedIn;
				case "ORDERED" -> dose.minus(Duration.ofMinutes(3));
				case "MONITORING" -> doseEnd;
				default -> discharged;
			};
			this.jdbc.update("""
					insert into dosing.session_transition (session_id, to_state, at, by_user) values (?, ?, ?, ?)""",
					id, state, ts(at), nurse);
		}
		dose(id, protocol[2], weight, dose, nurse, prescriber);
		pastVitals(id, checkedIn, dose, discharged, alert, nurse);
		pastSideEffect(id, dose, sideEffect, nurse);
	}

	/**
	 * The order and the administration of a demo dose by route: 0.5 mg/kg IV, 0.75 mg/kg
	 * IM, 100 mg sublingual, 56 mg (two devices) intranasal; ordered three minutes
	 * before.
	 */
	private void dose(UUID session, String route, BigDecimal weight, Instant dose, UUID nurse, UUID prescriber) {
		BigDecimal mg = switch (route) {
			case "IV" -> weight.multiply(new BigDecimal("0.5"));
			case "IM" -> weight.multiply(new BigDecimal("0.75"));
			case "SL" -> new BigDecimal("100");
			default -> new BigDecimal("56");
		};
		mg = mg.setScale(1, RoundingMode.HALF_UP);
		this.jdbc.update(
				"""
						insert into dosing.dose_order (id, session_id, dose_mg, dose_mg_per_kg, weight_kg, ordered_at, ordered_by,
						    verification_required, verified_at, verified_by)
						values (?, ?, ?, ?, ?, ?, ?, false, null, null)""",
				UUID.randomUUID(), session, mg, mg.divide(weight, 3, RoundingMode.HALF_UP), weight,
				ts(dose.minus(Duration.ofMinutes(3))), prescriber);
		this.jdbc.update("""
				insert into dosing.administration (id, session_id, kind, dose_mg, at, recorded_at, recorded_by, late)
				values (?, ?, ?, ?, ?, ?, ?, false)""", UUID.randomUUID(), session,
				"IN".equals(route) ? "DEVICE" : "START", mg, ts(dose), ts(dose), nurse);
	}

	/**
	 * A recorded side effect ({@code EFFECT|SEVERITY}) 25 minutes after the dose; none
	 * for null.
	 */
	private void pastSideEffect(UUID id, Instant dose, String sideEffect, UUID nurse) {
		if (sideEffect == null) {
			return;
		}
		String[] effect = sideEffect.split("\\|");
		Instant at = dose.plus(Duration.ofMinutes(25));
		this.jdbc.update(
				"""
						insert into dosing.observation (id, session_id, kind, effect, severity, at, recorded_at, recorded_by, late)
						values (?, ?, 'SIDE_EFFECT', ?, ?, ?, ?, ?, false)""",
				UUID.randomUUID(), id, effect[0], effect[1], ts(at), ts(at), nurse);
	}

	/**
	 * Vitals every 20 minutes; with {@code alert}, the third a surge with its
	 * acknowledged alert.
	 */
	private void pastVitals(UUID id, Instant checkedIn, Instant dose, Instant discharged, boolean alert, UUID nurse) {
		int n = 0;
		for (Instant at = checkedIn.plus(Duration.ofMinutes(2)); at
			.isBefore(discharged); at = at.plus(Duration.ofMinutes(20))) {
			boolean surge = alert && n == 2;
			this.jdbc.update("""
					insert into dosing.vitals (id, session_id, pre_dose, systolic, diastolic, heart_rate, spo2,
					    respiratory_rate, at, recorded_at, recorded_by, late)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""", UUID.randomUUID(), id, at.isBefore(dose),
					surge ? 182 : 116 + (n * 7) % 20, surge ? 102 : 74 + n % 9, 66 + (n * 5) % 20, 97, 14, ts(at),
					ts(at), nurse);
			if (surge) {
				this.jdbc
					.update("""
							insert into dosing.alert (id, session_id, code, message, at, raised_at, acknowledged_at,
							    acknowledged_by, acknowledgement)
							values (?, ?, 'SYSTOLIC_HIGH', 'Systolic 182 ≥ 180', ?, ?, ?, ?, 'Rechecked: settled (demo)')""",
							UUID.randomUUID(), id, ts(at), ts(at), ts(at.plus(Duration.ofMinutes(2))), nurse);
			}
			n++;
		}
	}

	private void session(UUID patient, BigDecimal weight, UUID appointment, UUID chair, String[] protocol,
			Instant checkedIn, Instant now, int i, UUID nurse, UUID prescriber) {
		UUID id = UUID.randomUUID();
		Instant dose = checkedIn.plus(Duration.ofMinutes(12));
		boolean dosed = dose.isBefore(now);
		boolean infusing = dosed && "IV".equals(protocol[2]) && dose.plus(Duration.ofMinutes(40)).isAfter(now);
		String state = !dosed ? "PRE_DOSE_CHECKS" : (infusing ? "DOSING" : "MONITORING");
		Instant doseEnd = "IV".equals(protocol[2]) ? dose.plus(Duration.ofMinutes(40)) : dose;
		this.jdbc
			.update("""
					insert into dosing.session (id, patient_id, appointment_id, room_id, protocol_code, protocol_version, program,
					    route, state, weight_kg, weight_measured_at, checklist, checklist_complete, first_dose_at, last_dose_at,
					    checked_in_at, checked_in_by)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '{"FASTING":true,"RIDE_HOME":true}'::jsonb, ?, ?, ?, ?, ?)""",
					id, patient, appointment, chair, protocol[0], this.protocols.current(protocol[0]).version(),
					protocol[1], protocol[2], state, weight, ts(checkedIn.minus(Duration.ofDays(3))), dosed,
					dosed ? ts(dose) : null, dosed ? ts(infusing ? dose : doseEnd) : null, ts(checkedIn), nurse);
		this.jdbc.update("""
				insert into dosing.session_transition (session_id, to_state, at, by_user) values (?, ?, ?, ?)""", id,
				state, ts(checkedIn), nurse);
		if (dosed) {
			dose(id, protocol[2], weight, dose, nurse, prescriber);
		}
		// Vitals every 15 minutes from check-in; every fifth session has missed its last
		// check (overdue on the board), every seventh has a surge with an open alert.
		Instant last = now.minus(Duration.ofMinutes((i % 5 == 0) ? 25 : 3));
		int n = 0;
		for (Instant at = checkedIn.plus(Duration.ofMinutes(1)); !at.isAfter(last); at = at
			.plus(Duration.ofMinutes(15))) {
			boolean surge = (i % 7 == 3) && dosed && !at.plus(Duration.ofMinutes(15)).isBefore(last);
			int systolic = surge ? 184 : 118 + (i * 3 + n * 5) % 22;
			this.jdbc.update("""
					insert into dosing.vitals (id, session_id, pre_dose, systolic, diastolic, heart_rate, spo2,
					    respiratory_rate, at, recorded_at, recorded_by, late)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false)""", UUID.randomUUID(), id,
					!dosed || at.isBefore(dose), systolic, surge ? 104 : 72 + (i + n) % 14, 64 + (i * 5 + n) % 30,
					95 + (i + n) % 5, 12 + (i + n) % 6, ts(at), ts(at), nurse);
			if (surge) {
				this.jdbc
					.update("""
							insert into dosing.alert (id, session_id, code, message, at, raised_at) values (?, ?, ?, ?, ?, ?)""",
							UUID.randomUUID(), id, "SYSTOLIC_HIGH", "Systolic 184 ≥ 180", ts(at), ts(at));
			}
			n++;
		}
	}

	private static Timestamp ts(Instant instant) {
		return Timestamp.from(instant);
	}

}
