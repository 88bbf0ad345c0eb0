package org.kapclinic.shared;

import java.time.Clock;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

@Configuration(proxyBeanMethods = false)
class SharedConfiguration {

	/** One clock for the whole app so tests can reason about time. */
	@Bean
	Clock clock() {
		return Clock.systemUTC();
	}

	/**
	 * The application's pool keeps connections for the group-commit writers
	 * ({@link WriterReservingDataSource}). Flyway's connection, as the schema owner, is
	 * not a pool of ours and is left alone.
	 */
	@Bean
	static BeanPostProcessor writerReservingPool(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (!(bean instanceof HikariDataSource pool)) {
					return bean;
				}
				WriterConnectionSettings settings = Binder.get(environment)
					.bind("kap.datasource.writers", WriterConnectionSettings.class)
					.orElseGet(() -> new WriterConnectionSettings(null));
				return new WriterReservingDataSource(pool, pool.getMaximumPoolSize(), settings.reservedConnections(),
						pool.getConnectionTimeout());
			}
		};
	}

}
