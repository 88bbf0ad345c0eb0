package org.kapclinic.operations;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Scheduled jobs that must run once across app instances carry ShedLock's
 * {@code @SchedulerLock}; the lock is a row in {@code operations.shedlock} (V84) with the
 * database's clock, so instances whose clocks differ still agree. A job whose instance
 * dies holds its lock until {@code lockAtMostFor} passes (10 minutes unless the job says
 * less). {@code SchedulerLocksTests} lists every scheduled method and fails on one that
 * is neither locked nor explained.
 */
@Configuration(proxyBeanMethods = false)
@EnableSchedulerLock(defaultLockAtMostFor = "10m")
class SchedulerLocks {

	@Bean
	LockProvider lockProvider(DataSource dataSource) {
		return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
			.withJdbcTemplate(new JdbcTemplate(dataSource))
			.withTableName("operations.shedlock")
			.usingDbTime()
			.build());
	}

}
