package org.kapclinic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The log of a whole integration run holds no patient data (issue 17; HIPAA minimum
 * necessary: logs are read by people and systems that have no business with the record).
 * Run by Maven after the integration tests ({@code post-integration-test}) on
 * {@code target/it-logs/<run>/}: every patient the tests' databases held (demo and test
 * patients, listed by {@link IntegrationTest} after each test), by MRN, full name and
 * birth date, is looked for in every line of the app's JSON logs. Any hit fails the build
 * with the file, line and what was found. It also requires the request id
 * ({@code requestId}) on the lines written during a request, so the log stays usable.
 */
public final class LogPhiScan {

	private LogPhiScan() {
	}

	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		List<Path> logs = files(directory, ".log");
		List<Path> lists = files(directory, ".tsv");
		if (logs.isEmpty() && lists.isEmpty()) {
			// Only tests that run the jar as its own process (or none) ran.
			System.out.println("LogPhiScan: no integration test of the shared app wrote a log in " + directory);
			return;
		}
		if (logs.isEmpty() || lists.isEmpty()) {
			throw new IllegalStateException("no app log or patient list in " + directory
					+ ": did the integration tests run with -Dkap.it.run set?");
		}
		Set<String> terms = new LinkedHashSet<>();
		for (Path list : lists) {
			for (String line : Files.readAllLines(list, StandardCharsets.UTF_8)) {
				String[] fields = line.split("\t");
				terms.add(fields[0]);
				terms.add(fields[1]);
				terms.add(fields[2]);
			}
		}
		List<String> hits = new ArrayList<>();
		long lines = 0;
		long withRequestId = 0;
		for (Path log : logs) {
			List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
			for (int i = 0; i < all.size(); i++) {
				String line = all.get(i);
				lines++;
				withRequestId += line.contains("\"requestId\":\"") ? 1 : 0;
				for (String term : terms) {
					if (line.contains(term)) {
						hits.add(log.getFileName() + ":" + (i + 1) + " holds \"" + term + "\": "
								+ line.substring(0, Math.min(line.length(), 400)));
					}
				}
			}
		}
		System.out.println("LogPhiScan: " + lines + " log lines of " + logs.size() + " files checked for "
				+ terms.size() + " patient names, birth dates and MRNs; " + hits.size() + " found; " + withRequestId
				+ " lines carry a request id");
		if (!hits.isEmpty()) {
			throw new IllegalStateException(
					"Patient data in the app's log:\n" + String.join("\n", hits.subList(0, Math.min(hits.size(), 50))));
		}
		if (withRequestId == 0) {
			throw new IllegalStateException("no log line carries a requestId: web/RequestIds is not working");
		}
	}

	private static List<Path> files(Path directory, String suffix) throws IOException {
		if (!Files.isDirectory(directory)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.filter((file) -> file.getFileName().toString().endsWith(suffix)).sorted().toList();
		}
	}

}
