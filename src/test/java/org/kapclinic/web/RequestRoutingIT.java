package org.kapclinic.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.ApiClient.Response;
import org.kapclinic.IntegrationTest;
import org.kapclinic.web.PathFirstRequestMapping.PathFirstHandlerMapping;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Routing with the path-first mapping ({@link PathFirstRequestMapping}): patterned paths
 * still reach their handlers, and near misses still get Spring's 404, 405 and 415.
 */
class RequestRoutingIT extends IntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	/**
	 * Every mapping of the application, asked for with each of its methods (and HEAD for
	 * GET) on a path made from its pattern, and with a method it does not take: the
	 * indexed lookup answers exactly as Spring's own (the same handler, or the same
	 * refusal).
	 */
	@Test
	void everyMappingIsLookedUpAsSpringLooksItUp() throws Exception {
		PathFirstHandlerMapping ours = (PathFirstHandlerMapping) this.mappings;
		assertThat(ours.indexed()).as("the index answers, not Spring alone (else this compares Spring with itself)")
			.isTrue();
		List<String> differences = new ArrayList<>();
		int asked = 0;
		for (RequestMappingInfo info : ours.getHandlerMethods().keySet()) {
			Set<String> methods = new LinkedHashSet<>();
			info.getMethodsCondition().getMethods().forEach((m) -> methods.add(m.name()));
			if (methods.isEmpty() || methods.contains("GET")) {
				methods.add("GET");
				methods.add("HEAD");
			}
			methods.add("PATCH");
			for (String pattern : info.getPatternValues()) {
				String path = concrete(pattern);
				for (String method : methods) {
					String indexed = answer(ours, method, path, false);
					String spring = answer(ours, method, path, true);
					if (!indexed.equals(spring)) {
						differences.add(method + " " + path + ": " + indexed + " instead of " + spring);
					}
					asked++;
				}
			}
		}
		assertThat(differences).isEmpty();
		assertThat(asked).as("requests asked").isGreaterThan(800);
	}

	/** The pattern with each variable filled in as a client would. */
	private static String concrete(String pattern) {
		return pattern.replaceAll("\\{\\*[^}]+}", "rest/of/it")
			.replaceAll("\\{[^}]+}", "0190f2a4-0000-7000-8000-000000000001")
			.replace("**", "a/b")
			.replace("*", "x")
			.replace("?", "x");
	}

	private static String answer(PathFirstHandlerMapping mapping, String method, String path, boolean springAlone) {
		MockHttpServletRequest request = new MockHttpServletRequest(method, path);
		request.setContentType("application/json");
		ServletRequestPathUtils.parseAndCache(request);
		try {
			HandlerMethod found = springAlone ? mapping.lookupAsSpringDoes(path, request)
					: mapping.lookupHandlerMethod(path, request);
			return (found != null) ? found.getMethod().toGenericString() : "nothing";
		}
		catch (Exception ex) {
			return ex.getClass().getSimpleName();
		}
	}

	@Test
	void patternedPathsReachTheirHandlersAndNearMissesAreAnsweredAsBefore() {
		String token = tokenFor("dr.quill");
		UUID unknown = UUID.randomUUID();

		// A patterned path reaches its handler: the handler's own 404 problem.
		Response missing = this.api.get("/api/v1/dosing-sessions/" + unknown, token);
		assertThat(missing.status()).isEqualTo(404);
		assertThat(missing.json().path("detail").asText()).isEqualTo("DosingSession not found");

		// The path exists for POST only: 405, from Spring's partial-match pass.
		assertThat(this.api.get("/api/v1/dosing-sessions/" + unknown + "/vitals", token).status()).isEqualTo(405);

		// No mapping under the prefix at all: 404.
		assertThat(this.api.get("/api/v1/dosing-sessions/" + unknown + "/no-such-thing", token).status())
			.isEqualTo(404);

		// A plain path under a prefix shared with patterned ones still resolves.
		assertThat(this.api.get("/api/v1/ping", token).status()).isEqualTo(200);
	}

	@Test
	void headIsAnsweredByGetMappingsAndAWrongMethodStaysA405() throws Exception {
		String token = tokenFor("dr.quill");
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		java.net.http.HttpResponse<Void> head = http.send(java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://localhost:" + this.port + "/api/v1/dosing-sessions/board"))
			.header("Authorization", "Bearer " + token)
			.method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody())
			.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
		assertThat(head.statusCode()).isEqualTo(200);
		Response post = this.api.post("/api/v1/dosing-sessions/board", java.util.Map.of(), token);
		assertThat(post.status()).as("the path takes GET only").isEqualTo(405);
	}

}
