package org.kapclinic.web;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import org.kapclinic.BrowserSession;
import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 14 item 3: users see labels, never codes. Signs in as each role of the demo
 * clinic, follows every link a page offers (GET only, a few pages per kind of URL), and
 * looks for a bare enum code ({@code [A-Z]+_[A-Z_]+}) in the text a person reads: not in
 * {@code code}, {@code pre}, {@code kbd} or {@code samp}, which are for code-like content
 * on purpose (API names, audit record types).
 */
class NoRawCodesIT extends IntegrationTest {

	private static final Pattern CODE = Pattern.compile("\\b[A-Z][A-Z0-9]*_[A-Z0-9_]*[A-Z0-9]\\b");

	/**
	 * A citation of our own reference notes ("clinical.md §3 [tag V]") instead of its
	 * source.
	 */
	private static final Pattern REFERENCE_FILE = Pattern.compile("\\b\\w+\\.md\\b|\\[tag [A-Z]\\]");

	/**
	 * A one-word code in capitals ("DRAFT", "KETAMINE") standing alone in a table cell,
	 * badge or option, where a label belongs. Abbreviations people use are allowed.
	 */
	private static final Pattern SHOUTED = Pattern.compile("^[A-Z]{4,}$");

	private static final java.util.Set<String> ABBREVIATIONS = java.util.Set.of("REMS", "CADSS", "QIDS", "MOAA",
			"HIPAA", "LOINC", "FHIR", "PTSD", "ADHD", "MAOI", "SNOMED", "LMFT");

	private static final Pattern ID = Pattern
		.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\d+");

	private static final List<String> START = List.of("/patients", "/consultations", "/schedule", "/dosing/board",
			"/measures/worklist", "/circles", "/tasks", "/controlled-substances", "/admin/users", "/admin/audit",
			"/admin/outbox", "/admin/backups", "/reports/outcomes");

	/** Links that download, sign out or leave the pages. */
	private static final Pattern SKIP = Pattern.compile(
			"^/(api|swagger-ui|v3|webjars|assets|js|css|logout|calendar|actuator)(/|\\.|$)|\\.(pdf|ics|csv|json)$");

	private static final int PAGES_PER_KIND = 5;

	private static final int MAX_PAGES = 400;

	@Test
	void noPageOfTheDemoClinicShowsABareCode() {
		Map<String, Set<String>> found = new TreeMap<>();
		int visited = 0;
		for (String user : List.of("admin", "dr.quill", "nurse.fern", "therapist.cove", "desk.dale")) {
			visited += crawl(user, found);
		}
		assertThat(visited).as("pages read").isGreaterThan(40);
		assertThat(found).as("pages showing bare codes (page → codes)").isEmpty();
	}

	private int crawl(String user, Map<String, Set<String>> found) {
		BrowserSession session = BrowserSession.signIn(this.port, user, PASSWORD);
		Deque<String> queue = new ArrayDeque<>(START);
		Set<String> seen = new LinkedHashSet<>();
		Map<String, Integer> perKind = new HashMap<>();
		int read = 0;
		while (!queue.isEmpty() && read < MAX_PAGES) {
			String path = queue.removeFirst();
			String kind = ID.matcher(path.replaceAll("\\?.*", "")).replaceAll("{id}");
			if (!seen.add(path) || perKind.merge(kind, 1, Integer::sum) > PAGES_PER_KIND) {
				continue;
			}
			HttpResponse<String> response = session.get(path);
			String type = response.headers().firstValue("Content-Type").orElse("");
			if (response.statusCode() != 200 || !type.startsWith("text/html")) {
				continue;
			}
			read++;
			Document page = Jsoup.parse(response.body(), "http://127.0.0.1" + path);
			page.select("code, pre, kbd, samp, script, style, template").remove();
			for (Element cell : page.select("td, th, .badge, option, dd, li")) {
				String own = cell.ownText().strip();
				if (SHOUTED.matcher(own).matches() && !ABBREVIATIONS.contains(own)) {
					found.computeIfAbsent(user + " " + kind, (k) -> new TreeSet<>()).add(own);
				}
			}
			String text = page.body().text();
			for (Pattern unwanted : List.of(CODE, REFERENCE_FILE)) {
				Matcher codes = unwanted.matcher(text);
				while (codes.find()) {
					found.computeIfAbsent(user + " " + kind, (k) -> new TreeSet<>()).add(codes.group());
				}
			}
			for (Element link : page.select("a[href]")) {
				String href = link.attr("href");
				if (!href.startsWith("/") || href.startsWith("//")) {
					continue;
				}
				String next = URI.create(href.replaceAll("#.*", "")).toString();
				if (!SKIP.matcher(next).find()) {
					queue.addLast(next);
				}
			}
		}
		return read;
	}

}
