package org.kapclinic.web;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.util.pattern.PathPatternParser;

import static org.assertj.core.api.Assertions.assertThat;

class MappingIndexPrefixTests {

	private static RequestMappingInfo info(String... paths) {
		RequestMappingInfo.BuilderConfiguration options = new RequestMappingInfo.BuilderConfiguration();
		options.setPatternParser(new PathPatternParser());
		return RequestMappingInfo.paths(paths).options(options).build();
	}

	@Test
	void aPatternIsCutBackToTheLastWholeSegmentBeforeItsFirstVariable() {
		assertThat(MappingIndex.prefixes(info("/api/v1/dosing-sessions/{id}/vitals")))
			.containsExactly("/api/v1/dosing-sessions");
		assertThat(MappingIndex.prefixes(info("/api/v1/patients/{id}"))).containsExactly("/api/v1/patients");
		assertThat(MappingIndex.prefixes(info("/journal/{token}"))).containsExactly("/journal");
	}

	@Test
	void aCaptureTheRestPatternKeepsThePathWithoutTheRest() {
		// /files/{*rest} also matches /files: the prefix must let it through.
		String[] prefixes = MappingIndex.prefixes(info("/files/{*rest}"));
		assertThat(prefixes).containsExactly("/files");
		assertThat("/files").startsWith(prefixes[0]);
	}

	@Test
	void aPlainPathIsItsOwnPrefixAndWildcardsCountAsVariables() {
		assertThat(MappingIndex.prefixes(info("/api/v1/ping"))).containsExactly("/api/v1/ping");
		assertThat(MappingIndex.prefixes(info("/patients"))).containsExactly("/patients");
		assertThat(MappingIndex.prefixes(info("/webjars/**"))).containsExactly("/webjars");
		assertThat(MappingIndex.prefixes(info("/api/v1/a?c"))).containsExactly("/api/v1");
	}

	@Test
	void aTopLevelVariableIsNotPrefiltered() {
		assertThat(MappingIndex.prefixes(info("/"))).containsExactly("/");
		assertThat(MappingIndex.prefixes(info("/{page}"))).isEmpty();
		assertThat(MappingIndex.prefixes(info("/patients", "/api/v1/patients/{id}")))
			.containsExactlyInAnyOrder("/patients", "/api/v1/patients");
		assertThat(MappingIndex.prefixes(info("/{page}", "/api/v1/patients/{id}"))).isEmpty();
	}

}
