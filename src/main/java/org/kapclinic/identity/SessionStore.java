package org.kapclinic.identity;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The session table's writes do not wait for the disk. Every page view updates its
 * session's last-access time, and with a durable commit each view paid a WAL flush (with
 * it, a cheap page's median went 1.95 → 1.72 ms). A crash can lose the last fraction of a
 * second of session changes (someone signs in again); never clinical data, whose
 * transactions keep durable commits. Deleting sessions when access ends
 * ({@link SessionRevocation}) runs in the caller's transaction, durable like it.
 */
@Configuration(proxyBeanMethods = false)
class SessionStore {

	/**
	 * Found by its name: Spring Session's JDBC configuration asks for
	 * {@code springSessionTransactionOperations}. (No other code injects a
	 * TransactionOperations; the services use {@code @Transactional}.)
	 */
	@Bean
	TransactionOperations springSessionTransactionOperations(PlatformTransactionManager transactions,
			JdbcTemplate jdbc) {
		TransactionTemplate template = new TransactionTemplate(transactions);
		return new TransactionOperations() {
			@Override
			public <T> T execute(TransactionCallback<T> action) {
				return template.execute((status) -> {
					// Only the session store's own transactions: joined to a caller's
					// (the
					// deletions when access ends), the caller's commit stays durable.
					if (status.isNewTransaction()) {
						jdbc.execute("set local synchronous_commit = off");
					}
					return action.doInTransaction(status);
				});
			}
		};
	}

}
