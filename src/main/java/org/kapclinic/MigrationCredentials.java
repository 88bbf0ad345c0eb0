package org.kapclinic;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who runs the database migrations on a PostgreSQL server ({@code kap.datasource.*}): the
 * schema owner, while the application itself connects as {@code kap_app}, which owns
 * nothing (issue 16 finding 3). Passed on to Flyway ({@code spring.flyway.user} and
 * {@code password} in application.properties). The embedded database needs neither.
 *
 * @param migrationUsername the owner role Flyway migrates as (empty: the application's
 * own connection, for a database where one role does both)
 * @param migrationPassword its password
 */
@ConfigurationProperties("kap.datasource")
record MigrationCredentials(String migrationUsername, String migrationPassword) {

	@Override
	public String toString() {
		return "MigrationCredentials[" + this.migrationUsername + ", password hidden]";
	}

}
