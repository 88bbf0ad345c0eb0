package org.kapclinic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 7: every {@code kap.*} setting is documented, and
 * {@code docs/configuration.md} lists them as the code declares them. The list is
 * generated from the configuration-properties metadata (the settings records' Javadoc);
 * the text around it is written by hand. Regenerate with
 * {@code ./mvnw test -Dtest=ConfigurationDocsTests -Dkap.docs.write=true}.
 */
class ConfigurationDocsTests {

	private static final Path DOC = Path.of("docs/configuration.md");

	static final String BEGIN = "<!-- generated from the settings' Javadoc by ConfigurationDocsTests: do not edit -->";

	static final String END = "<!-- end of generated settings -->";

	@Test
	void everySettingIsDocumentedAndTheDocumentListsThemAll() throws IOException {
		Map<String, JsonNode> settings = settings();
		List<String> undocumented = new ArrayList<>();
		settings.forEach((name, property) -> {
			if (!property.hasNonNull("description") || property.get("description").asString().isBlank()) {
				undocumented.add(name);
			}
		});
		assertThat(undocumented).as("settings without a description (write an @param on the settings record)")
			.isEmpty();

		String table = table(settings);
		String doc = Files.readString(DOC);
		int begin = doc.indexOf(BEGIN);
		int end = doc.indexOf(END);
		if (Boolean.getBoolean("kap.docs.write")) {
			doc = (begin < 0) ? doc.stripTrailing() + "\n\n" + BEGIN + "\n" + table + END + "\n"
					: doc.substring(0, begin + BEGIN.length()) + "\n" + table + doc.substring(end);
			Files.writeString(DOC, doc);
			begin = doc.indexOf(BEGIN);
			end = doc.indexOf(END);
		}
		assertThat(begin).as("docs/configuration.md has the generated block").isNotNegative();
		assertThat(doc.substring(begin + BEGIN.length() + 1, end))
			.as("docs/configuration.md is out of date: ./mvnw test -Dtest=ConfigurationDocsTests -Dkap.docs.write=true")
			.isEqualTo(table);
	}

	/** The kap.* properties the configuration processor found, by name. */
	private static Map<String, JsonNode> settings() throws IOException {
		try (InputStream in = ConfigurationDocsTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("configuration metadata (spring-boot-configuration-processor)").isNotNull();
			JsonNode metadata = JsonMapper.builder().build().readTree(in);
			Map<String, JsonNode> settings = new TreeMap<>();
			metadata.get("properties").forEach((property) -> {
				String name = property.get("name").asString();
				if (name.startsWith("kap.")) {
					settings.put(name, property);
				}
			});
			return settings;
		}
	}

	private static String table(Map<String, JsonNode> settings) {
		StringBuilder table = new StringBuilder("| Setting | Type | Meaning (default) |\n|---|---|---|\n");
		settings.forEach((name, property) -> {
			String type = property.hasNonNull("type") ? property.get("type").asString() : "";
			type = type.replaceAll("[\\w.]+\\.(\\w+)", "$1");
			String description = property.hasNonNull("description") ? property.get("description")
				.asString()
				.replace('\n', ' ')
				.replaceAll("\\{@code ([^}]*)\\}", "`$1`")
				.replace("|", "\\|") : "";
			String defaultValue = property.hasNonNull("defaultValue")
					? " (default `" + property.get("defaultValue").asString() + "`)" : "";
			table.append("| `")
				.append(name)
				.append("` | ")
				.append(type)
				.append(" | ")
				.append(description)
				.append(defaultValue)
				.append(" |\n");
		});
		return table.toString();
	}

}
