package org.kapclinic.shared;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Connections kept for the group-commit writers ({@code kap.datasource.writers.*}).
 *
 * @param reservedConnections connections of the pool that only the audit, vital-sign and
 * fund-decision writers take (default 3, one each), so that requests waiting for those
 * writers' commits can never hold every connection; the rest of
 * {@code spring.datasource.hikari.maximum-pool-size} (default 20) serves everything else
 */
@ConfigurationProperties("kap.datasource.writers")
record WriterConnectionSettings(Integer reservedConnections) {

	WriterConnectionSettings {
		if (reservedConnections == null) {
			reservedConnections = 3;
		}
	}

}
