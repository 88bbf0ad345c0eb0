package org.kapclinic.operations;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.TreeSet;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;

import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.util.ClassUtils;
import org.springframework.util.ReflectionUtils;

/**
 * {@code kap_scheduler_last_run_age_seconds{job}}: how long ago each job that runs once
 * across instances last started on any of them (issue 17, "scheduler lag"), read from
 * ShedLock's row, which holds the database's time of the last start. A job that runs
 * every minute and shows ten has stopped everywhere. NaN: it never ran. The jobs are the
 * app's {@code @SchedulerLock} methods, found once at start.
 */
@Component
class SchedulerLag implements MeterBinder {

	private final JdbcClient jdbc;

	private final ListableBeanFactory beans;

	SchedulerLag(JdbcClient jdbc, ListableBeanFactory beans) {
		this.jdbc = jdbc;
		this.beans = beans;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		for (String job : jobs()) {
			Gauge.builder("kap.scheduler.last.run.age", () -> age(job))
				.baseUnit("seconds")
				.tag("job", job)
				.description("Time since the job last started on any instance (NaN: never)")
				.register(registry);
		}
	}

	Set<String> jobs() {
		Set<String> jobs = new TreeSet<>();
		for (String name : this.beans.getBeanDefinitionNames()) {
			Class<?> type = this.beans.getType(name, false);
			if (type == null || !type.getName().startsWith("org.kapclinic.")) {
				continue;
			}
			ReflectionUtils.doWithMethods(ClassUtils.getUserClass(type),
					(Method method) -> jobs.add(method.getAnnotation(SchedulerLock.class).name()),
					(Method method) -> method.isAnnotationPresent(SchedulerLock.class));
		}
		return jobs;
	}

	private double age(String job) {
		return this.jdbc.sql(
				"select extract(epoch from timezone('utc', now()) - locked_at) from operations.shedlock where name = ?")
			.param(job)
			.query(Double.class)
			.optional()
			.orElse(Double.NaN);
	}

}
