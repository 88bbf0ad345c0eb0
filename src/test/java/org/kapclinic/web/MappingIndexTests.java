package org.kapclinic.web;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which mappings {@link MappingIndex} offers a request: every one that could match it,
 * few that cannot. Whether the chosen handler is Spring's is {@code RequestRoutingIT}'s.
 */
class MappingIndexTests {

	private final RequestMappingInfo vitals = info(RequestMethod.POST, "/api/v1/dosing-sessions/{id}/vitals");

	private final RequestMappingInfo board = info(RequestMethod.GET, "/api/v1/dosing-sessions/board");

	private final RequestMappingInfo patient = info(RequestMethod.GET, "/api/v1/patients/{id}");

	private final RequestMappingInfo files = info(null, "/files/{*rest}");

	private final RequestMappingInfo page = info(RequestMethod.GET, "/{page}");

	private final MappingIndex index = MappingIndex.of(Map.of(this.vitals, handler(), this.board, handler(),
			this.patient, handler(), this.files, handler(), this.page, handler()), RequestMappingInfo::getDirectPaths);

	@Test
	void aPatternedPathIsOfferedTheMappingsUnderItsLiteralStartForItsMethod() {
		assertThat(infos(this.index.candidates("/api/v1/dosing-sessions/0190/vitals", "POST")))
			.containsExactlyInAnyOrder(this.vitals);
		assertThat(infos(this.index.candidates("/api/v1/dosing-sessions/0190/vitals", "GET")))
			.as("no GET mapping under the prefix (the board is a plain path of its own): the top-level page only")
			.containsExactly(this.page);
		assertThat(infos(this.index.candidates("/api/v1/patients/0190", "HEAD"))).as("HEAD is answered by GET")
			.containsExactlyInAnyOrder(this.patient, this.page);
	}

	@Test
	void aLiteralStartMatchesWholeSegmentsOnlyAndACaptureTheRestMatchesItsOwnStart() {
		assertThat(infos(this.index.candidates("/api/v1/patientsX/0190", "GET"))).containsExactly(this.page);
		assertThat(infos(this.index.candidates("/files", "DELETE"))).as("any method, and /files itself")
			.containsExactly(this.files);
	}

	@Test
	void aPlainPathIsOfferedItsOwnMappingAndWithATrailingSeparatorToo() {
		assertThat(infos(this.index.candidates("/api/v1/dosing-sessions/board", "GET"))).contains(this.board);
		assertThat(infos(this.index.candidates("/api/v1/dosing-sessions/board/", "GET"))).contains(this.board);
	}

	@Test
	void anExactPathIsOfferedItsDirectMappingFirst() {
		assertThat(infos(this.index.direct("/api/v1/dosing-sessions/board", "GET"))).containsExactly(this.board);
		assertThat(this.index.direct("/api/v1/dosing-sessions/board", "POST")).isEmpty();
	}

	private static List<RequestMappingInfo> infos(List<MappingIndex.Entry> entries) {
		return entries.stream().map(MappingIndex.Entry::info).toList();
	}

	private static RequestMappingInfo info(RequestMethod method, String path) {
		RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
		options.setPatternParser(new PathPatternParser());
		RequestMappingInfo.Builder builder = RequestMappingInfo.paths(path).options(options);
		return ((method != null) ? builder.methods(method) : builder).build();
	}

	private static HandlerMethod handler() {
		try {
			Method method = Object.class.getMethod("toString");
			return new HandlerMethod(new Object(), method);
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
