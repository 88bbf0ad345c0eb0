package org.kapclinic.scheduling;

import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The secret-URL calendar feed ({@code /calendar/{token}.ics}) and the API that makes
 * one.
 */
@RestController
@Tag(name = "Courses and scheduling")
class CalendarFeedController {

	private static final MediaType TEXT_CALENDAR = MediaType.parseMediaType("text/calendar;charset=UTF-8");

	private final CalendarFeeds feeds;

	CalendarFeedController(CalendarFeeds feeds) {
		this.feeds = feeds;
	}

	@PostMapping("/api/v1/me/calendar-feed")
	@Operation(summary = "A new secret calendar-feed URL for your own appointments (the previous one stops working)")
	Map<String, String> renew() {
		String token = this.feeds.renew();
		return Map.of("url",
				ServletUriComponentsBuilder.fromCurrentContextPath()
					.path("/calendar/{token}.ics")
					.buildAndExpand(token)
					.toUriString());
	}

	@GetMapping("/calendar/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token) {
		return this.feeds.feed(token)
			.map((ics) -> ResponseEntity.ok().contentType(TEXT_CALENDAR).body(ics))
			.orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).build());
	}

}
