package org.kapclinic.scheduling;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiContractTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The staff calendar feed's contract as a web slice (no database, no security filters;
 * {@code RemindersIT} makes a feed address as a nurse and reads the feed back with a real
 * iCalendar parser, {@code AccessEndsIT} sees the address die with deactivation, a
 * password change and its own expiry). Checked here: making a feed answers its full
 * address, on the server's context path; a feed address answers the calendar as
 * {@code text/calendar} in UTF-8, looked up by the token without its {@code .ics}; an
 * unknown token is a bare 404 that says nothing about why; a path without {@code .ics}
 * reaches no feed; nobody signed in is a 401 problem with no address.
 */
@ApiContractTest(CalendarFeedController.class)
class CalendarFeedControllerContractTests {

	private static final String TOKEN = "fictional-feed-token_0000000000000000000000";

	private static final String ICS = """
			BEGIN:VCALENDAR\r
			VERSION:2.0\r
			PRODID:-//KAP Clinic//Test//EN\r
			BEGIN:VEVENT\r
			UID:test-0001@kap.example.test\r
			SUMMARY:Dosing session · KAP-TEST-0001\r
			END:VEVENT\r
			END:VCALENDAR\r
			""";

	@Autowired
	MockMvc mvc;

	@MockitoBean
	CalendarFeeds feeds;

	@Test
	void makingAFeedAnswersItsFullAddress() throws Exception {
		given(this.feeds.renew()).willReturn(TOKEN);
		this.mvc.perform(post("/api/v1/me/calendar-feed"))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_JSON))
			.andExpect(jsonPath("$.url").value("http://localhost/calendar/" + TOKEN + ".ics"));
		verify(this.feeds).renew();
	}

	@Test
	void theAddressIsOnTheServersContextPath() throws Exception {
		given(this.feeds.renew()).willReturn(TOKEN);
		this.mvc.perform(post("/kap/api/v1/me/calendar-feed").contextPath("/kap"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.url").value("http://localhost/kap/calendar/" + TOKEN + ".ics"));
	}

	@Test
	void aFeedAddressAnswersTheCalendarInUtf8() throws Exception {
		given(this.feeds.feed(TOKEN)).willReturn(Optional.of(ICS));
		this.mvc.perform(get("/calendar/{token}.ics", TOKEN))
			.andExpect(status().isOk())
			.andExpect(content().contentType("text/calendar;charset=UTF-8"))
			.andExpect(content().string(ICS));
		verify(this.feeds).feed(TOKEN);
	}

	@Test
	void anUnknownTokenIsABare404() throws Exception {
		given(this.feeds.feed("not-a-token")).willReturn(Optional.empty());
		this.mvc.perform(get("/calendar/not-a-token.ics"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(""));
		verify(this.feeds).feed("not-a-token");
	}

	@Test
	void aPathWithoutIcsReachesNoFeed() throws Exception {
		this.mvc.perform(get("/calendar/{token}", TOKEN)).andExpect(status().isNotFound());
		verify(this.feeds, never()).feed(any());
	}

	@Test
	void nobodySignedInIs401WithNoAddress() throws Exception {
		given(this.feeds.renew()).willThrow(new AuthenticationCredentialsNotFoundException("No staff member"));
		this.mvc.perform(post("/api/v1/me/calendar-feed"))
			.andExpect(status().isUnauthorized())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.title").value("Authentication required"))
			.andExpect(jsonPath("$.url").doesNotExist());
	}

}
