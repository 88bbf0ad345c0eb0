package org.kapclinic.operations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import org.springframework.jdbc.core.simple.JdbcClient;

import org.kapclinic.ApiClient;
import org.kapclinic.AppProcess;
import org.kapclinic.dosing.DosingSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A deploy or a restart under load (issue 17): the built jar answers its liveness and
 * readiness probes, then gets SIGTERM while four monitors post vitals. Graceful shutdown
 * lets requests in flight finish (none fails with a server error: the embedded database
 * stops after them) and flushes the vitals group commit before the pool closes, so every
 * reading acknowledged (201) is in the database when the app starts again on the same
 * data.
 */
@DisabledIfSystemProperty(named = "kap.it.datasource.url", matches = ".+")
class GracefulShutdownIT {

	private final Path root = Path.of("target", "graceful-shutdown", UUID.randomUUID().toString()).toAbsolutePath();

	@Test
	void sigtermUnderVitalsLoadLosesNoAcknowledgedReading() throws Exception {
		Path data = this.root.resolve("data");
		String[] arguments = { "--spring.profiles.active=demo", "--kap.demo.patients=10", "--kap.data-dir=" + data };
		Set<String> acknowledged;
		try (AppProcess app = AppProcess.start(this.root.resolve("app.log"), Duration.ofMinutes(3), arguments)) {
			ApiClient api = app.api();
			assertThat(api.get("/actuator/health/liveness", null).body()).contains("\"UP\"");
			// AppProcess waits for readiness too: here the answer itself.
			assertThat(api.get("/actuator/health/readiness", null).body()).contains("\"UP\"");
			DosingSteps steps = DosingSteps.forDemoClinic(api, AppProcess.embeddedOwner(data));
			String nurse = api.token("nurse.bell", org.kapclinic.IntegrationTest.PASSWORD);
			List<String> sessions = List.of(steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 70),
					steps.checkedIn("IV_INFUSION", "IV_KETAMINE", 64));
			try (VitalsLoad load = new VitalsLoad(steps, sessions, nurse, 4)) {
				load.awaitAcknowledged(200, Duration.ofSeconds(60));
				app.close();
				load.close();
				acknowledged = load.acknowledged();
				// A request the app took during shutdown is finished, not failed: the
				// database stops only after the web server has drained.
				assertThat(load.serverErrors()).as("answers of 500 and above during shutdown").isZero();
			}
		}
		assertThat(Files.readString(this.root.resolve("app.log"))).contains("Graceful shutdown complete");

		try (AppProcess again = AppProcess.start(this.root.resolve("again.log"), Duration.ofMinutes(3), arguments)) {
			JdbcClient owner = AppProcess.embeddedOwner(data);
			Set<String> stored = Set.copyOf(owner.sql("select id::text from dosing.vitals").query(String.class).list());
			assertThat(stored).as("every acknowledged reading survived the shutdown").containsAll(acknowledged);
			System.out.println("Graceful shutdown: " + acknowledged.size() + " readings acknowledged, all stored");
		}
	}

}
