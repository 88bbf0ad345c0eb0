package org.kapclinic.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The ICD-10-CM codes the clinic records at intake: the conditions it treats and the ones
 * that contraindicate ketamine, shipped as {@code intake/icd10cm.csv}.
 */
@Component
class DiagnosisCatalog {

	private static final Pattern ROW = Pattern.compile("^([A-Z][0-9A-Z.]+),(\"(?:[^\"]|\"\")*\"|[^,]*),([A-Z_]+)$");

	private final Map<String, Diagnosis> byCode = new LinkedHashMap<>();

	DiagnosisCatalog() {
		try (BufferedReader reader = new BufferedReader(new InputStreamReader(
				new ClassPathResource("intake/icd10cm.csv").getInputStream(), StandardCharsets.UTF_8))) {
			reader.lines().skip(1).filter((line) -> !line.isBlank()).forEach((line) -> {
				Matcher row = ROW.matcher(line.trim());
				if (!row.matches()) {
					throw new IllegalStateException("intake/icd10cm.csv: unreadable row: " + line);
				}
				String title = row.group(2);
				if (title.startsWith("\"")) {
					title = title.substring(1, title.length() - 1).replace("\"\"", "\"");
				}
				this.byCode.put(row.group(1), new Diagnosis(row.group(1), title, row.group(3)));
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public Optional<Diagnosis> find(String code) {
		return Optional.ofNullable(this.byCode.get(code));
	}

	/** Codes whose code or title contains every word of the query, in list order. */
	public List<Diagnosis> search(String query, int limit) {
		String[] words = (query == null) ? new String[0] : query.toLowerCase(Locale.ROOT).trim().split("\\s+");
		return this.byCode.values().stream().filter((d) -> {
			String text = (d.code() + " " + d.title()).toLowerCase(Locale.ROOT);
			for (String word : words) {
				if (!text.contains(word)) {
					return false;
				}
			}
			return true;
		}).limit(limit).toList();
	}

	/** One ICD-10-CM code with its title and the clinic's grouping. */
	public record Diagnosis(String code, String title, String group) {
	}

}
