package org.kapclinic.scheduling;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.identity.Role;
import org.kapclinic.identity.StaffMember;
import org.kapclinic.identity.UserDirectory;
import org.kapclinic.intake.Eligibility;
import org.kapclinic.intake.EligibilityStatus;
import org.kapclinic.intake.Program;
import org.kapclinic.shared.ClinicTime;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Every rule a booking must pass besides "the slot is free" (which the database
 * enforces): the dosing safety gate (current eligibility and consent through the
 * front-door module, REMS enrollment for esketamine, a nurse and the right chair, a
 * prescriber on site for esketamine, chair time of at least dose plus monitoring),
 * spacing between doses, and clinic hours, staff hours and time off. Each failure is a
 * reason in the 422 answer.
 */
@Component
class BookingGate {

	private final JdbcClient jdbc;

	private final Eligibility eligibility;

	private final RemsEnrollments rems;

	private final UserDirectory directory;

	private final SchedulingSettings settings;

	private final ClinicTime clinicTime;

	private final org.springframework.beans.factory.ObjectProvider<DoseBookingRule> rules;

	BookingGate(JdbcClient jdbc, Eligibility eligibility, RemsEnrollments rems, UserDirectory directory,
			SchedulingSettings settings, ClinicTime clinicTime,
			org.springframework.beans.factory.ObjectProvider<DoseBookingRule> rules) {
		this.rules = rules;
		this.jdbc = jdbc;
		this.eligibility = eligibility;
		this.rems = rems;
		this.directory = directory;
		this.settings = settings;
		this.clinicTime = clinicTime;
	}

	/** Reasons the booking is refused; empty when it may go ahead. */
	List<String> check(Booking booking) {
		List<String> reasons = new ArrayList<>();
		Map<UUID, StaffMember> staff = this.directory.findAllCurrent(booking.staffIds());
		for (UUID id : booking.staffIds()) {
			StaffMember member = staff.get(id);
			if (member == null || !member.active()) {
				reasons.add("STAFF_INACTIVE: " + id + " is not an active staff member");
			}
		}
		if (booking.type() == AppointmentType.DOSING) {
			dosing(booking, staff, reasons);
		}
		if (booking.course() != null) {
			for (Course.PlannedStep step : booking.course().plan()) {
				if (step.type().equals(booking.type().name()) && booking.room() != null
						&& !booking.room().has(step.needs())) {
					reasons.add("ROOM_CAPABILITY: the course needs " + step.needs() + " for " + step.type());
				}
			}
		}
		hours(booking, staff, reasons);
		return reasons;
	}

	private void dosing(Booking booking, Map<UUID, StaffMember> staff, List<String> reasons) {
		if (booking.program() == null) {
			reasons.add("PROGRAM_REQUIRED: a dosing session belongs to a program (course or program field)");
			return;
		}
		Program program = Program.valueOf(booking.program());
		EligibilityStatus status = this.eligibility.status(booking.patientId(), program);
		for (String missing : status.missing()) {
			reasons.add("NOT_READY: " + missing);
		}
		if (program == Program.ESKETAMINE && this.rems.enrolledOn(booking.patientId()).isEmpty()) {
			reasons.add("REMS_ENROLLMENT: record the patient's Spravato REMS enrollment before the first dose");
		}
		if (booking.room() == null || !booking.room().chair()) {
			reasons.add("CHAIR_REQUIRED: dosing blocks a treatment chair");
		}
		else {
			if (program == Program.IV_INFUSION && !booking.room().has(RoomCapability.IV_PUMP)) {
				reasons.add("ROOM_CAPABILITY: an IV infusion needs a chair with an IV pump");
			}
			if (program == Program.ESKETAMINE && !booking.room().has(RoomCapability.PULSE_OXIMETER)) {
				reasons.add("ROOM_CAPABILITY: the REMS requires a pulse oximeter on site");
			}
		}
		if (staff.values().stream().noneMatch((m) -> m.has(Role.NURSE))) {
			reasons.add("NURSE_REQUIRED: a nurse monitors every dosing session");
		}
		if (program == Program.ESKETAMINE && staff.values().stream().noneMatch((m) -> m.has(Role.PRESCRIBER))) {
			reasons.add("PRESCRIBER_ON_SITE: the REMS requires a prescriber on site during esketamine sessions");
		}
		int minimum = this.settings.minDosingMinutes(program.name());
		if (booking.duration().toMinutes() < minimum) {
			reasons.add("TOO_SHORT: " + program + " dosing needs at least " + minimum
					+ " minutes of chair time (dose + monitoring)");
		}
		spacing(booking, program, reasons);
		// Rules other modules own (the maintenance review, issue 19).
		this.rules.orderedStream()
			.forEach((rule) -> reasons.addAll(rule.refusals(booking.patientId(), booking.start())));
	}

	private void spacing(Booking booking, Program program, List<String> reasons) {
		CourseTemplate.Spacing spacing = (booking.template() != null) ? booking.template().spacing() : null;
		int maxPerWeek = (spacing != null && spacing.maxDosesPerWeek() != null) ? spacing.maxDosesPerWeek()
				: this.settings.maxDosesPerWeek().getOrDefault(program.name(), 2);
		int minHours = (spacing != null && spacing.minHoursBetweenDoses() != null) ? spacing.minHoursBetweenDoses()
				: this.settings.minHoursBetweenDoses();
		Duration week = Duration.ofDays(7);
		List<Instant> doses = new ArrayList<>(this.jdbc.sql("""
				select start_at from scheduling.appointment
				where patient_id = ? and type = 'DOSING' and status in ('BOOKED', 'COMPLETED')
				  and start_at > ? and start_at < ? and id <> all(?)""")
			.params(booking.patientId(), Timestamp.from(booking.start().minus(week)),
					Timestamp.from(booking.start().plus(week)), booking.ignore().toArray(UUID[]::new))
			.query((rs, n) -> rs.getTimestamp("start_at").toInstant())
			.list());
		for (Instant dose : doses) {
			if (Duration.between(dose, booking.start()).abs().toHours() < minHours) {
				reasons.add("SPACING: at least " + minHours + " h between doses (another dose at " + dose + ")");
				break;
			}
		}
		doses.add(booking.start());
		doses.sort(null);
		for (Instant from : doses) {
			long inWindow = doses.stream().filter((d) -> !d.isBefore(from) && d.isBefore(from.plus(week))).count();
			if (inWindow > maxPerWeek) {
				reasons.add("SPACING: at most " + maxPerWeek + " dosing sessions in any 7 days");
				break;
			}
		}
	}

	private void hours(Booking booking, Map<UUID, StaffMember> staff, List<String> reasons) {
		ZoneId zone = this.clinicTime.timeZone();
		ZonedDateTime start = booking.start().atZone(zone);
		ZonedDateTime end = booking.start().plus(booking.duration()).atZone(zone);
		LocalDate day = start.toLocalDate();
		if (!end.toLocalDate().equals(day) && !end.toLocalTime().equals(LocalTime.MIDNIGHT)) {
			reasons.add("OUTSIDE_HOURS: an appointment starts and ends on the same day");
			return;
		}
		String holiday = this.jdbc.sql("select name from scheduling.holiday where day = ?")
			.param(day)
			.query(String.class)
			.optional()
			.orElse(null);
		if (holiday != null) {
			reasons.add("HOLIDAY: the clinic is closed on " + day + " (" + holiday + ")");
		}
		int weekday = day.getDayOfWeek().getValue();
		if (!booking.telehealth()) {
			List<LocalTime[]> open = ranges(
					"select open_time, close_time from scheduling.clinic_hours where weekday = ?", null, weekday);
			boolean anyHours = this.jdbc.sql("select exists (select 1 from scheduling.clinic_hours)")
				.query(Boolean.class)
				.single();
			if (anyHours && !covers(open, start.toLocalTime(), end.toLocalTime())) {
				reasons.add("OUTSIDE_HOURS: outside the clinic's opening hours");
			}
		}
		for (UUID id : booking.staffIds()) {
			StaffMember member = staff.get(id);
			String name = (member != null) ? member.displayName() : id.toString();
			boolean hasHours = this.jdbc.sql("select exists (select 1 from scheduling.staff_hours where user_id = ?)")
				.param(id)
				.query(Boolean.class)
				.single();
			if (hasHours && !covers(
					ranges("select start_time, end_time from scheduling.staff_hours where user_id = ? and weekday = ?",
							id, weekday),
					start.toLocalTime(), end.toLocalTime())) {
				reasons.add("STAFF_HOURS: " + name + " does not work then");
			}
			boolean off = this.jdbc
				.sql("""
						select exists (select 1 from scheduling.time_off where user_id = ? and during && tstzrange(?, ?))""")
				.params(id, Timestamp.from(booking.start()), Timestamp.from(booking.start().plus(booking.duration())))
				.query(Boolean.class)
				.single();
			if (off) {
				reasons.add("STAFF_TIME_OFF: " + name + " is off then");
			}
		}
	}

	private List<LocalTime[]> ranges(String sql, UUID userId, int weekday) {
		var spec = (userId != null) ? this.jdbc.sql(sql).params(userId, weekday) : this.jdbc.sql(sql).param(weekday);
		return spec
			.query((rs, n) -> new LocalTime[] { rs.getObject(1, LocalTime.class), rs.getObject(2, LocalTime.class) })
			.list();
	}

	private static boolean covers(List<LocalTime[]> ranges, LocalTime from, LocalTime to) {
		LocalTime end = to.equals(LocalTime.MIDNIGHT) ? LocalTime.MAX : to;
		return ranges.stream().anyMatch((r) -> !from.isBefore(r[0]) && !end.isAfter(r[1]));
	}

	/**
	 * What the gate looks at.
	 *
	 * @param ignore appointments left out of the spacing count (the one being
	 * rescheduled)
	 */
	record Booking(UUID patientId, AppointmentType type, String program, Instant start, Duration duration, Room room,
			List<UUID> staffIds, Course course, CourseTemplate template, boolean telehealth, List<UUID> ignore) {
	}

}
