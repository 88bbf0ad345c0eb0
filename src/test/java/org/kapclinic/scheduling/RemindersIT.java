package org.kapclinic.scheduling;

import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.PatientBrowser;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Reminders reach the patient once per lead time, also across a restart, with an .ics
 * file that a real iCalendar parser reads back; staff calendar feeds likewise.
 */
class RemindersIT extends IntegrationTest {

	@Autowired
	Reminders reminders;

	@Autowired
	org.kapclinic.shared.ClinicTime clinicTime;

	@Test
	void aReminderIsSentOncePerLeadTimeAlsoAfterARestartWithACalendarFile() throws Exception {
		String prescriber = tokenFor("dr.quill");
		String email = "reminder-" + UUID.randomUUID() + "@example.test";
		String patient = this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Remi", "familyName", "Ndwell", "birthDate", "1981-01-01", "email", email),
					prescriber)
			.json()
			.get("id")
			.asString();
		String room = this.api
			.post("/api/v1/rooms",
					Map.of("name", "room-" + UUID.randomUUID(), "kind", "ROOM", "capabilities", List.of()),
					tokenFor("admin"))
			.json()
			.get("id")
			.asString();
		// Tomorrow at noon on the clinic's clock: 12–36 h ahead, so the 48 h reminder is
		// due and the 2 h one is not, and an hour-long appointment never crosses midnight
		// (which the booking rules refuse) whatever time of day the test runs.
		Instant start = this.clinicTime.date(Instant.now())
			.plusDays(1)
			.atTime(12, 0)
			.atZone(this.clinicTime.timeZone())
			.toInstant();
		Map<String, Object> request = new HashMap<>();
		request.put("patientId", patient);
		request.put("type", "PREPARATION");
		request.put("start", start.toString());
		request.put("durationMinutes", 60);
		request.put("roomId", room);
		Response booked = this.api.post("/api/v1/appointments", request, prescriber);
		assertThat(booked.status()).as(booked.body()).isEqualTo(201);
		String appointmentId = booked.json().get("id").asString();

		this.reminders.queueDue();
		this.reminders.queueDue();
		// A restarted instance: the same service again finds nothing left to send.
		this.reminders.queueDue();
		await().atMost(Duration.ofSeconds(10)).until(() -> !received(email).isEmpty());
		Thread.sleep(1000);
		List<MimeMessage> mails = received(email);
		assertThat(mails).as("the 48 h reminder once; the 2 h one is not due yet").hasSize(1);
		assertThat(this.jdbc.sql("select count(*) from scheduling.reminder where appointment_id = ?::uuid")
			.param(appointmentId)
			.query(Long.class)
			.single()).isEqualTo(1);

		String ics = attachment(mails.get(0));
		Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
		List<VEvent> events = calendar.getComponents("VEVENT");
		assertThat(events).hasSize(1);
		assertThat(events.get(0).getUid().orElseThrow().getValue()).isEqualTo(appointmentId + "@kap-clinic");
		assertThat(events.get(0).getStartDate().orElseThrow().getValue())
			.isEqualTo(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
				.withZone(java.time.ZoneOffset.UTC)
				.format(start));
	}

	@Test
	void aStaffMembersFeedIsASecretUrlReadableByAnICalendarParser() throws Exception {
		String nurseToken = tokenFor("nurse.fern");
		String url = this.api.post("/api/v1/me/calendar-feed", Map.of(), nurseToken).json().get("url").asString();
		String path = java.net.URI.create(url).getPath();
		assertThat(path).startsWith("/calendar/").endsWith(".ics");

		var response = new PatientBrowser(this.port).get(path);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/calendar");
		Calendar calendar = new CalendarBuilder().build(new StringReader(response.body()));
		assertThat(calendar.getProductId().getValue()).contains("KAP Clinic");

		assertThat(new PatientBrowser(this.port).get("/calendar/not-a-token.ics").statusCode()).isEqualTo(404);
		this.api.post("/api/v1/me/calendar-feed", Map.of(), nurseToken);
		assertThat(new PatientBrowser(this.port).get(path).statusCode()).as("renewing retires the old URL")
			.isEqualTo(404);
	}

	private static List<MimeMessage> received(String to) {
		return mail().findReceivedMessages((user) -> to.equalsIgnoreCase(user.getEmail()), (m) -> true).toList();
	}

	private static String attachment(MimeMessage message) throws Exception {
		Object content = message.getContent();
		return find((Multipart) content);
	}

	private static String find(Multipart multipart) throws Exception {
		for (int i = 0; i < multipart.getCount(); i++) {
			BodyPart part = multipart.getBodyPart(i);
			if (part.getContent() instanceof Multipart nested) {
				String found = find(nested);
				if (found != null) {
					return found;
				}
			}
			else if (part.getContentType().toLowerCase().startsWith("text/calendar")) {
				return new String(part.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
			}
		}
		return null;
	}

}
