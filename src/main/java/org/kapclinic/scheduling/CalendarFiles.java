package org.kapclinic.scheduling;

import java.time.ZoneOffset;
import java.util.List;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;

/**
 * iCalendar (RFC 5545) files built with ical4j: one event for a patient's reminder, many
 * for a staff member's feed. Times are written in UTC; the event UID is the appointment
 * id, so calendar apps update rather than duplicate a moved appointment.
 */
final class CalendarFiles {

	private CalendarFiles() {
	}

	static String calendar(List<Event> events) {
		Calendar calendar = new Calendar();
		calendar.add(new ProdId("-//KAP Clinic//Scheduling//EN"));
		calendar.add(ImmutableVersion.VERSION_2_0);
		calendar.add(ImmutableCalScale.GREGORIAN);
		for (Event event : events) {
			VEvent vevent = new VEvent(event.appointment().start().atZone(ZoneOffset.UTC),
					event.appointment().end().atZone(ZoneOffset.UTC), event.summary());
			vevent.add(new Uid(event.appointment().id() + "@kap-clinic"));
			if (event.location() != null) {
				vevent.add(new Location(event.location()));
			}
			if (event.description() != null) {
				vevent.add(new Description(event.description()));
			}
			calendar.add(vevent);
		}
		return calendar.toString();
	}

	/** An appointment as a calendar event: what it says is the caller's choice. */
	record Event(Appointment appointment, String summary, String location, String description) {
	}

}
