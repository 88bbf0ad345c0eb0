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

	@Test
	void noTemplateComparesACode() throws IOException {
		List<String> offenders = new ArrayList<>();
		Path root = Path.of("src/main/resources/templates");
		try (Stream<Path> files = Files.walk(root)) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".html")).sorted().toList()) {
				List<String> lines = Files.readAllLines(file);
				for (int i = 0; i < lines.size(); i++) {
					Matcher matcher = CODE_COMPARISON.matcher(lines.get(i));
					if (matcher.find()) {
						offenders.add(root.relativize(file) + ":" + (i + 1) + " " + matcher.group());
					}
				}
			}
		}
		assertThat(offenders).as("ask the enum or record instead (e.g. status.submitted(), label())").isEmpty();
	}

	@Test
	void thePatternFindsACodeComparison() {
		assertThat(CODE_COMPARISON.matcher("th:if=\"${t.priority().name() == 'URGENT'}\"").find()).isTrue();
		assertThat(CODE_COMPARISON.matcher("th:if=\"${'DUE' == d.state()}\"").find()).isTrue();
		assertThat(CODE_COMPARISON.matcher("th:if=\"${a == 'yes'}\"").find()).isFalse();
	}

}
