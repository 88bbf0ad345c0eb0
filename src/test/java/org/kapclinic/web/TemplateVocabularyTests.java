package org.kapclinic.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Templates never compare codes (issue 15 item 2): a state or kind is asked of its enum
 * or record ({@code s.canOrder()}, {@code t.priority().urgent()}) and shown by its label,
 * so the vocabulary and its words live in one place and no raw code reaches the page.
 */
class TemplateVocabularyTests {

	private static final Pattern CODE_COMPARISON = Pattern
		.compile("(==|!=)\\s*'[A-Z][A-Z0-9_]{2,}'|'[A-Z][A-Z0-9_]{2,}'\\s*(==|!=)|\\.name\\(\\)\\s*(==|!=)\\s*'");

	/**
	 * A code-bearing accessor ({@code c.status()}, {@code a.program()}, {@code e.kind()})
	 * written by {@code th:text} on its own, not asked for a label or passed to a label
	 * function.
	 */
	private static final Pattern CODE_WRITTEN = Pattern
		.compile("th:u?text=\"[^\"]*?(?<![(\\w])(\\w+\\.(?:status|program|kind|type)\\(\\))(?![.\\w])");

	/** The error page's HTTP status (404) is a number people read. */
	private static final String HTTP_STATUS = "problem.status()";

	@Test
	void noTemplateComparesACode() throws IOException {
		assertThat(offenders(CODE_COMPARISON, 0))
			.as("ask the enum or record instead (e.g. status.submitted(), label())")
			.isEmpty();
	}

	/**
	 * A state, program or kind written straight into a page shows its code ("ACTIVE",
	 * "IV_INFUSION", "VITALS": a disclosure PDF and the therapist note did); pages write
	 * its label. Records that carry words name them so ({@code statusLabel},
	 * {@code programLabel}).
	 */
	@Test
	void noTemplateWritesACodeOut() throws IOException {
		assertThat(offenders(CODE_WRITTEN, 1))
			.as("write its label (statusLabel(), @courseLabels.status(c), kindLabel())")
			.isEmpty();
	}

	/** Every match of the pattern's group in the templates, as "file:line match". */
	private static List<String> offenders(Pattern pattern, int group) throws IOException {
		List<String> offenders = new ArrayList<>();
		Path root = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					Matcher matcher = pattern.matcher(lines.get(i));
					while (matcher.find()) {
						if (!HTTP_STATUS.equals(matcher.group(group))) {
							offenders.add(root.relativize(file) + ":" + (i + 1) + " " + matcher.group(group));
						}
					}
				}
			}
		}
		return offenders;
	}

	@Test
	void thePatternFindsACodeComparison() {
		assertThat(CODE_COMPARISON.matcher("th:if=\"${t.priority().name() == 'URGENT'}\"").find()).isTrue();
		assertThat(CODE_COMPARISON.matcher("th:if=\"${'DUE' == d.state()}\"").find()).isTrue();
		assertThat(CODE_COMPARISON.matcher("th:if=\"${a == 'yes'}\"").find()).isFalse();
		assertThat(CODE_WRITTEN.matcher("<td th:text=\"${c.status() + ' x'}\">").find()).isTrue();
		assertThat(CODE_WRITTEN.matcher("<td th:text=\"${'At ' + e.kind()}\">").find()).isTrue();
		assertThat(CODE_WRITTEN.matcher("<td th:text=\"${c.state().label()}\">").find()).isFalse();
		assertThat(CODE_WRITTEN.matcher("<td th:text=\"${c.status().label()}\">").find()).isFalse();
		assertThat(CODE_WRITTEN.matcher("<td th:text=\"${T(X).labelOf(s.type())}\">").find()).isFalse();
	}

}
