package org.kapclinic.web;

import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The one error page: every status gets a heading and a title in words, and no visible
 * text carries template source ({@code th:…}) or Spring's error attributes.
 */
class ErrorPagesIT extends IntegrationTest {

	private static final Pattern TITLE = Pattern.compile("<title>([^<]*)</title>");

	private static final Pattern HEADING = Pattern.compile("<h1[^>]*>([^<]*)</h1>");

	@Test
	void notFoundForbiddenAndUnknownAddressesShowAHeadingNotTemplateSource() {
		BrowserSession desk = BrowserSession.signIn(this.port, "desk.dale", PASSWORD);
		assertPage(desk.get("/patients/" + UUID.randomUUID()), 404, "Not found");
		assertPage(desk.get("/admin/users"), 403, "Not allowed");
		assertPage(desk.get("/no-such-page"), 404, "Page not found");
		BrowserSession therapist = BrowserSession.signIn(this.port, "therapist.cove", PASSWORD);
		assertPage(therapist.get("/controlled-substances"), 403, "Not allowed");
	}

	private static void assertPage(HttpResponse<String> response, int status, String heading) {
		String html = response.body();
		assertThat(response.statusCode()).as(html).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
		Matcher title = TITLE.matcher(html);
		assertThat(title.find()).as("a title").isTrue();
		assertThat(title.group(1).strip()).isEqualTo(heading + " · KAP Clinic");
		Matcher h1 = HEADING.matcher(html);
		assertThat(h1.find()).as("a heading").isTrue();
		assertThat(h1.group(1).strip()).isEqualTo(heading);
		String visible = visibleText(html);
		assertThat(visible).doesNotContain("th:", "${", "alert-success");
		assertThat(html).doesNotContain("alert-success", "timestamp", "Whitelabel");
	}

	/** The text a reader sees: without scripts, styles, tags and attributes. */
	private static String visibleText(String html) {
		return html.replaceAll("(?s)<script.*?</script>", " ")
			.replaceAll("(?s)<style.*?</style>", " ")
			.replaceAll("(?s)<[^>]*>", " ")
			.replaceAll("\\s+", " ");
	}

}
