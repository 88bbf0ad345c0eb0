package org.kapclinic.billing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The code list fee schedules may use ({@code billing/service-codes.json}): each CPT or
 * HCPCS code with its status, unit, our own short description and the source that
 * confirms it. Versioned data, not code: payers differ and codes change every year, so a
 * clinic updates the file (and its {@code checkedOn}) rather than the program.
 */
@Component
public class ServiceCodes {

	/** The file's header and its codes. */
	public record CodeList(String version, String checkedOn, String note, List<ServiceCode> codes) {
	}

	/**
	 * @param status ACTIVE, or DELETED with {@code replacedBy}
	 * @param unit what one unit is ("per visit", "1 mg", "first hour")
	 * @param confidence "primary source", "secondary source" or "not verified"
	 */
	public record ServiceCode(String system, String code, String description, String status, String unit,
			String effective, String replacedBy, String source, String confidence) {

		public boolean active() {
			return "ACTIVE".equals(this.status);
		}

	}

	private final CodeList list;

	private final Map<String, ServiceCode> byCode;

	ServiceCodes(JsonMapper json) {
		try (InputStream in = new ClassPathResource("billing/service-codes.json").getInputStream()) {
			this.list = json.readValue(in, CodeList.class);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.byCode = this.list.codes()
			.stream()
			.collect(Collectors.toMap((c) -> c.system() + ":" + c.code(), Function.identity()));
	}

	public CodeList list() {
		return this.list;
	}

	public Optional<ServiceCode> find(String system, String code) {
		return Optional.ofNullable(this.byCode.get(system + ":" + code));
	}

}
