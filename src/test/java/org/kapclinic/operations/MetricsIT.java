package org.kapclinic.operations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The metrics for Prometheus (issue 17, "Observability"): {@code /actuator/prometheus}
 * answers a bearer token of a METRICS account or an ADMIN, never a stranger or a nurse;
 * it carries the app's own {@code kap_} metrics, and a failed sign-in moves its counter.
 * A METRICS account reaches nothing else: no patient data.
 */
class MetricsIT extends IntegrationTest {

	private static final String COLLECTOR_PASSWORD = "prism gauge 2026 harbour";

	@Test
	void onlyACollectorOrAnAdministratorReadsTheMetrics() throws Exception {
		assertThat(scrape(null).statusCode()).isEqualTo(401);
		assertThat(scrape(tokenFor("nurse.fern")).statusCode()).isEqualTo(403);
		assertThat(scrape(tokenFor("admin")).statusCode()).isEqualTo(200);

		String collector = "metrics." + letters();
		assertThat(this.api
			.post("/api/v1/users", Map.of("username", collector, "password", COLLECTOR_PASSWORD, "displayName",
					"Prometheus collector", "roles", List.of("METRICS")), tokenFor("admin"))
			.status()).isEqualTo(201);
		String token = this.api.token(collector, COLLECTOR_PASSWORD);

		HttpResponse<String> metrics = scrape(token);
		assertThat(metrics.statusCode()).isEqualTo(200);
		assertThat(metrics.body()).contains("kap_outbox_backlog", "kap_outbox_failed", "kap_audit_unsealed",
				"kap_vitals_writes_seconds", "kap_signin_lockouts_total", "kap_backup_base_age_seconds",
				"kap_backup_archive_lag_seconds", "kap_backup_warnings", "kap_board_push_delay_seconds_count",
				"kap_scheduler_last_run_age_seconds{application=\"kap-clinic\",job=\"measure-schedules\"}",
				"kap_scheduler_last_run_age_seconds{application=\"kap-clinic\",job=\"reminders\"}",
				"hikaricp_connections_active", "application=\"kap-clinic\"");

		double before = failures(metrics.body());
		assertThat(
				this.api.post("/api/v1/auth/token", Map.of("username", "nurse.fern", "password", "wrong-guess"), null)
					.status())
			.isEqualTo(401);
		assertThat(failures(scrape(token).body())).isEqualTo(before + 1);

		assertThat(this.api.get("/api/v1/patients?q=a", token).status()).as("no patient data for a collector")
			.isEqualTo(403);
		assertThat(this.api.get("/api/v1/me", token).status()).isEqualTo(200);
	}

	private HttpResponse<String> scrape(String token) throws Exception {
		HttpRequest.Builder request = HttpRequest
			.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/prometheus"))
			.header("Accept", "text/plain");
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static double failures(String metrics) {
		Matcher line = Pattern.compile("(?m)^kap_signin_failures_total\\{[^}]*step=\"password\"[^}]*} (\\S+)$")
			.matcher(metrics);
		assertThat(line.find()).as("kap_signin_failures_total for passwords").isTrue();
		return Double.parseDouble(line.group(1));
	}

}
