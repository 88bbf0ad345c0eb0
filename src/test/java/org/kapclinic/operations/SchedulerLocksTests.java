package org.kapclinic.operations;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every scheduled job either runs on one instance at a time ({@code @SchedulerLock}) or
 * says here why every instance may run it (issue 17: jobs run exactly once across
 * instances), so a new job cannot ship without deciding.
 */
class SchedulerLocksTests {

	/** Jobs every instance runs, and why that is right. */
	private static final Map<String, String> ON_EVERY_INSTANCE = Map.of("OutboxDispatcher.poll",
			"each instance claims other mails (for update skip locked, with a lease)", "AuditChainSealer.sealPending",
			"a PostgreSQL advisory lock lets one sealer at a time extend the chain", "AuditCheckpoints.writeOnSchedule",
			"a PostgreSQL advisory lock lets one writer at a time export a checkpoint", "BoardPush.flush",
			"pushes to the browsers connected to this instance");

	@Test
	void everyScheduledJobIsLockedOrExplained() throws Exception {
		ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
		scanner.addIncludeFilter(new AnnotationTypeFilter(Component.class));
		Set<String> unlocked = new TreeSet<>();
		Set<String> locked = new TreeSet<>();
		for (BeanDefinition candidate : scanner.findCandidateComponents("org.kapclinic")) {
			Class<?> type = ClassUtils.forName(candidate.getBeanClassName(), getClass().getClassLoader());
			ReflectionUtils.doWithMethods(type, (method) -> {
				String name = type.getSimpleName() + "." + method.getName();
				if (method.isAnnotationPresent(SchedulerLock.class)) {
					locked.add(name);
				}
				else {
					unlocked.add(name);
				}
			}, (method) -> method.isAnnotationPresent(Scheduled.class));
		}
		assertThat(unlocked)
			.as("scheduled jobs without @SchedulerLock: lock them, or explain here why every "
					+ "instance may run them")
			.isEqualTo(new TreeSet<>(ON_EVERY_INSTANCE.keySet()));
		assertThat(locked).contains("ReminderRunner.tick", "ScheduleRunner.tick", "ResearchExportRetention.purge");
	}

}
