package org.kapclinic.scheduling;

import org.junit.jupiter.api.Test;

import org.kapclinic.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reminder job runs on one instance at a time (issue 17): its pass takes ShedLock's
 * row in {@code operations.shedlock}, and a pass while another instance holds the row
 * does nothing.
 */
class ReminderLockIT extends IntegrationTest {

	@Autowired
	ReminderRunner runner;

	@Test
	void aPassTakesTheLockAndSkipsWhileAnotherInstanceHoldsIt() {
		this.jdbc
			.sql("""
					insert into operations.shedlock (name, lock_until, locked_at, locked_by)
					values ('reminders', timezone('utc', now()) - interval '1 minute', timezone('utc', now()) - interval '1 hour',
					        'nobody')
					on conflict (name) do update set lock_until = excluded.lock_until, locked_at = excluded.locked_at,
					                                 locked_by = excluded.locked_by""")
			.update();
		this.runner.tick();
		assertThat(holder()).as("a free lock is taken by this instance").isNotEqualTo("nobody");

		this.jdbc.sql("""
				update operations.shedlock
				set lock_until = timezone('utc', now()) + interval '1 hour', locked_at = timezone('utc', now()),
				    locked_by = 'instance-b'
				where name = 'reminders'""").update();
		try {
			this.runner.tick();
			assertThat(holder()).as("held by another instance: this pass skips").isEqualTo("instance-b");
		}
		finally {
			this.jdbc.sql("update operations.shedlock set lock_until = timezone('utc', now()) where name = 'reminders'")
				.update();
		}
	}

	private String holder() {
		return this.jdbc.sql("select locked_by from operations.shedlock where name = 'reminders'")
			.query(String.class)
			.single();
	}

}
