package org.kapclinic.portal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.scheduling.CoursePrograms;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The preparation a patient reads before their sessions (issue 21): the program's
 * education content as data, {@code portal/preparation/<language>/<ALL|PROGRAM>.json}
 * (English when the language has none), each section with the source of its facts and a
 * version; what the patient has read is kept per version, so changed text counts as
 * unread.
 */
@Service
@Transactional
public class Preparation {

	/** One section in the patient's language. */
	public record Section(String id, String title, List<String> paragraphs, String source, String version, boolean read,
			String language) {
	}

	/**
	 * A file's content; {@code language} is the folder it came from, not a field of it.
	 */
	record Content(String version, String note, List<Part> sections, String language) {

		Content in(String folder) {
			return new Content(this.version, this.note, this.sections, folder);
		}

	}

	record Part(String id, String title, List<String> paragraphs, String source) {
	}

	private final JdbcClient jdbc;

	private final CoursePrograms programs;

	private final JsonMapper json;

	private final Clock clock;

	Preparation(JdbcClient jdbc, CoursePrograms programs, JsonMapper json, Clock clock) {
		this.jdbc = jdbc;
		this.programs = programs;
		this.json = json;
		this.clock = clock;
	}

	/** Everything for the patient's programs, the general sections first. */
	@Transactional(readOnly = true)
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.is(#patientId)")
	public List<Section> forPatient(UUID patientId, Locale locale) {
		List<String> files = new ArrayList<>(List.of("ALL"));
		this.programs.of(patientId).stream().sorted().forEach(files::add);
		Set<String> read = Set.copyOf(
				this.jdbc.sql("select section_id || '@' || version from portal.preparation_read where patient_id = ?")
					.param(patientId)
					.query(String.class)
					.list());
		List<Section> sections = new ArrayList<>();
		for (String file : files) {
			Content content = load(locale.getLanguage(), file);
			if (content == null) {
				continue;
			}
			for (Part part : content.sections()) {
				sections.add(new Section(part.id(), part.title(), part.paragraphs(), part.source(), content.version(),
						read.contains(part.id() + "@" + content.version()), content.language()));
			}
		}
		return sections;
	}

	/**
	 * Marks a section read in the version the patient saw; unknown sections are ignored.
	 */
	@org.springframework.security.access.prepost.PreAuthorize("@selfAccess.is(#patientId)")
	public void markRead(UUID patientId, String sectionId, Locale locale) {
		forPatient(patientId, locale).stream()
			.filter((s) -> s.id().equals(sectionId))
			.findFirst()
			.ifPresent((s) -> this.jdbc.sql("""
					insert into portal.preparation_read (patient_id, section_id, version, read_at)
					values (?, ?, ?, ?) on conflict do nothing""")
				.params(patientId, s.id(), s.version(), Timestamp.from(Instant.now(this.clock)))
				.update());
	}

	private Content load(String language, String file) {
		for (String lang : language.matches("[a-z]{2,3}") ? List.of(language, "en") : List.of("en")) {
			ClassPathResource resource = new ClassPathResource("portal/preparation/" + lang + "/" + file + ".json");
			if (resource.exists()) {
				try (InputStream in = resource.getInputStream()) {
					return this.json.readValue(in, Content.class).in(lang);
				}
				catch (IOException ex) {
					throw new UncheckedIOException(ex);
				}
			}
		}
		return null;
	}

}
