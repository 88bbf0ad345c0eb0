package org.kapclinic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every integration test runs somewhere in CI (ADR 11): one left out of the README's
 * command by {@code kap.it.excludes} and disabled on a PostgreSQL server (an operations
 * drill on the embedded database) would otherwise run in neither of {@code .ci/run}'s
 * passes, unless {@code .ci/run} names it.
 */
class TestTiersTests {

	private static final String SERVER_ONLY_OFF = "@DisabledIfSystemProperty(named = \"kap.it.datasource.url\"";

	@Test
	void everyEmbeddedOnlyTestLeftOutOfTheReadmeCommandIsNamedInCi() throws IOException {
		Matcher excludes = Pattern.compile("<kap.it.excludes>%regex\\[(.*)]</kap.it.excludes>")
			.matcher(Files.readString(Path.of("pom.xml")));
		assertThat(excludes.find()).as("pom.xml's kap.it.excludes").isTrue();
		Pattern excluded = Pattern.compile(excludes.group(1));
		String ci = Files.readString(Path.of(".ci/run"));
		List<String> embeddedOnly;
		try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
			embeddedOnly = files.filter((f) -> f.toString().endsWith("IT.java"))
				.filter((f) -> read(f).contains(SERVER_ONLY_OFF))
				.map((f) -> Path.of("src/test/java").relativize(f).toString().replace(".java", ".class"))
				.toList();
		}
		assertThat(embeddedOnly).as("the drills this test is about").isNotEmpty();
		for (String test : embeddedOnly) {
			String name = Path.of(test).getFileName().toString().replace(".class", "");
			if (excluded.matcher(test).matches()) {
				assertThat(ci).as(name + " is embedded-only and outside ./mvnw verify: name it in .ci/run")
					.contains(name);
			}
		}
	}

	/**
	 * A test that starts Chromium is a browser walk: named {@code *BrowserIT}, it runs in
	 * {@code -Pfull} (CI, on the server) and not in the README's command (ADR 11). Three
	 * walks inside API test classes had put ~20 s of Chromium back into the fast tier.
	 */
	@Test
	void everyTestThatStartsChromiumIsNamedAsABrowserWalk() throws IOException {
		List<String> misnamed;
		try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
			misnamed = files.filter((f) -> f.toString().endsWith("IT.java"))
				.filter((f) -> !f.toString().endsWith("BrowserIT.java"))
				.filter((f) -> read(f).contains("Chromium.start("))
				.map((f) -> f.getFileName().toString())
				.toList();
		}
		assertThat(misnamed).as("start Chromium only in a *BrowserIT (ADR 11)").isEmpty();
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
