package org.kapclinic;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15 item 4: the module canvases and C4 component diagrams Spring Modulith writes
 * from the code are committed under {@code docs/modules/} and kept current: this test
 * writes them afresh and fails when the committed copy differs. Regenerate with
 * {@code ./mvnw test -Dtest=ModuleDocsTests -Dkap.docs.write=true}.
 */
class ModuleDocsTests {

	private static final Path COMMITTED = Path.of("docs/modules");

	@Test
	void theCommittedModuleDocumentationMatchesTheCode() throws IOException {
		Path generated = Path.of("target/modulith-docs-check");
		new Documenter(ApplicationModules.of(KapClinicApplication.class),
				Documenter.Options.defaults().withOutputFolder(generated.toString()))
			.writeDocumentation();
		Map<String, String> fresh = read(generated);
		if (Boolean.getBoolean("kap.docs.write")) {
			if (Files.isDirectory(COMMITTED)) {
				try (Stream<Path> old = Files.list(COMMITTED)) {
					for (Path file : old.toList()) {
						Files.delete(file);
					}
				}
			}
			Files.createDirectories(COMMITTED);
			for (Map.Entry<String, String> file : fresh.entrySet()) {
				Files.writeString(COMMITTED.resolve(file.getKey()), file.getValue());
			}
		}
		// The Documenter writes relations in hash order, so each file is compared as its
		// sorted lines: the same content in another order is up to date.
		assertThat(sortedLines(read(COMMITTED)))
			.as("docs/modules is out of date: ./mvnw test -Dtest=ModuleDocsTests -Dkap.docs.write=true")
			.isEqualTo(sortedLines(fresh));
	}

	private static Map<String, List<String>> sortedLines(Map<String, String> files) {
		Map<String, List<String>> sorted = new TreeMap<>();
		files.forEach((name, text) -> sorted.put(name, text.lines().sorted().toList()));
		return sorted;
	}

	private static Map<String, String> read(Path folder) throws IOException {
		Map<String, String> files = new TreeMap<>();
		if (!Files.isDirectory(folder)) {
			return files;
		}
		try (Stream<Path> list = Files.list(folder)) {
			for (Path file : list.filter(Files::isRegularFile).toList()) {
				files.put(file.getFileName().toString(), Files.readString(file).replace("\r\n", "\n"));
			}
		}
		return files;
	}

}
