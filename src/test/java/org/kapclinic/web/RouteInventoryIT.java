package org.kapclinic.web;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every route the application answers, each classified in
 * {@code src/test/resources/routes.txt} (issue 16: a forgotten check must not ship). A
 * new route fails this test until someone decides who may call it: {@code public},
 * {@code signed-in}, {@code role:} and the roles that may (e.g. {@code role:ADMIN},
 * {@code role:FRONT_DESK|PRESCRIBER|ADMIN}), or {@code patient} (its patient's access
 * policy decides). Then each class is probed: nothing but a public route answers a
 * stranger; a role route that a nurse may not call refuses a nurse; a patient route
 * refuses a nurse who is not on that patient's care team. Rules about what a role may do
 * inside a route (only a prescriber orders a dose) are the modules' own, each tested
 * there. {@code -Dkap.routes.write=true} writes the file for the routes found, keeping
 * the classes already decided.
 */
class RouteInventoryIT extends IntegrationTest {

	private static final Path FILE = Path.of("src/test/resources/routes.txt");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Test
	void everyRouteIsClassifiedAndEachClassHolds() throws Exception {
		Set<String> routes = routes();
		Map<String, String> classified = read();
		if (Boolean.getBoolean("kap.routes.write")) {
			write(routes, classified);
			classified = read();
		}
		Set<String> unclassified = new TreeSet<>(routes);
		unclassified.removeAll(classified.keySet());
		Set<String> gone = new TreeSet<>(classified.keySet());
		gone.removeAll(routes);
		assertThat(unclassified)
			.as("routes without a class in " + FILE + ": add a line for each "
					+ "(public, signed-in, role:… or patient), or run with -Dkap.routes.write=true and review")
			.isEmpty();
		assertThat(gone).as("lines in " + FILE + " for routes that no longer exist").isEmpty();

		String nurse = tokenFor("nurse.fern");
		String stranger = strangersPatient();
		List<String> wrong = new ArrayList<>();
		for (Map.Entry<String, String> route : classified.entrySet()) {
			String[] parts = route.getKey().split(" ");
			String method = parts[0];
			String path = parts[1];
			String access = route.getValue();
			if (!access.equals("public")) {
				int anonymous = send(method, fill(path, UUID.randomUUID().toString()), null);
				if (anonymous != 401 && anonymous != 302 && anonymous != 403) {
					wrong.add(route.getKey() + " (" + access + ") answered a stranger " + anonymous);
				}
			}
			if (!method.equals("GET") || !path.startsWith("/api/")) {
				continue;
			}
			if (access.startsWith("role:") && !Set.of(access.substring(5).split("\\|")).contains("NURSE")) {
				int asNurse = send(method, fill(path, UUID.randomUUID().toString()), nurse);
				if (asNurse != 403 && asNurse != 404) {
					wrong.add(route.getKey() + " (" + access + ") answered a nurse " + asNurse);
				}
			}
			if (access.equals("patient") && path.startsWith("/api/v1/patients/{id}")) {
				int outsideCareTeam = send(method, fill(path, stranger), nurse);
				if (outsideCareTeam != 403 && outsideCareTeam != 404 && outsideCareTeam != 400) {
					wrong.add(route.getKey() + " (patient) answered a nurse outside the care team " + outsideCareTeam);
				}
			}
		}
		assertThat(wrong).isEmpty();
	}

	/** "METHOD /path" for every mapping of our own controllers. */
	private Set<String> routes() {
		Set<String> routes = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> mapping : this.mappings.getHandlerMethods().entrySet()) {
			if (!mapping.getValue().getBeanType().getName().startsWith("org.kapclinic.")) {
				continue;
			}
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			for (String pattern : mapping.getKey().getPatternValues()) {
				if (methods.isEmpty()) {
					routes.add("ANY " + pattern);
				}
				for (RequestMethod method : methods) {
					routes.add(method.name() + " " + pattern);
				}
			}
		}
		return routes;
	}

	private static Map<String, String> read() throws IOException {
		Map<String, String> classified = new LinkedHashMap<>();
		if (!Files.exists(FILE)) {
			return classified;
		}
		for (String line : Files.readAllLines(FILE)) {
			String trimmed = line.strip();
			if (trimmed.isEmpty() || trimmed.startsWith("#")) {
				continue;
			}
			String[] parts = trimmed.split("\\s+");
			classified.put(parts[0] + " " + parts[1], parts[2]);
		}
		return classified;
	}

	/**
	 * The routes found, each with its class: the one already decided, else a first guess
	 * to review (public for the sign-in and patient-link pages, role:ADMIN under /admin,
	 * patient under a patient's path, signed-in otherwise).
	 */
	private static void write(Set<String> routes, Map<String, String> decided) throws IOException {
		List<String> lines = new ArrayList<>();
		lines.add(
				"# Every route and who may call it (RouteInventoryIT). Classes: public, signed-in, role:ROLE|ROLE… (the");
		lines
			.add("# roles that may call it), patient (the patient's access policy decides). A new route fails the test "
					+ "until it has a line.");
		for (String route : routes) {
			String path = route.substring(route.indexOf(' ') + 1);
			String access = decided.getOrDefault(route, guess(route, path));
			lines.add(String.format("%-7s %-80s %s", route.substring(0, route.indexOf(' ')), path, access));
		}
		Files.createDirectories(FILE.getParent());
		Files.write(FILE, lines);
	}

	private static String guess(String route, String path) {
		if (path.equals("/login") || path.equals("/consultation") || path.startsWith("/intake/")
				|| path.startsWith("/consent/") || path.startsWith("/self-report/") || path.startsWith("/journal/")
				|| path.startsWith("/calendar/") || route.equals("POST /api/v1/auth/token")
				|| route.equals("POST /api/v1/consultation-requests")) {
			return "public";
		}
		if (path.startsWith("/admin") || path.startsWith("/api/v1/users") || path.startsWith("/api/v1/audit")) {
			return "role:ADMIN";
		}
		if (path.startsWith("/patients/{") || path.startsWith("/api/v1/patients/{")) {
			return "patient";
		}
		return "signed-in";
	}

	/** A patient on nobody's care team. */
	private String strangersPatient() {
		return this.api
			.post("/api/v1/patients",
					Map.of("givenName", "Route", "familyName", "Strangewick", "birthDate", "1970-07-07"),
					tokenFor("dr.quill"))
			.json()
			.get("id")
			.asString();
	}

	private static String fill(String path, String id) {
		return path.replaceAll("\\{[^}]+\\}", id);
	}

	private int send(String method, String path, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Accept", path.startsWith("/api/") ? "application/json" : "text/html")
			.method(method.equals("ANY") ? "GET" : method, method.equals("GET") || method.equals("ANY")
					? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString("{}"));
		if (!method.equals("GET") && !method.equals("ANY")) {
			request.header("Content-Type", "application/json");
		}
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
	}

}
