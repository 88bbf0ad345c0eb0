package org.kapclinic.operations;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the guards need to know of the PostgreSQL server and of how the application signs
 * in to it.
 *
 * @param fsync the server's {@code fsync} ("on" or "off")
 * @param synchronousCommit {@code synchronous_commit} for the application's sessions (the
 * server's, or its role's or database's own)
 * @param login the role the application signs in as ({@code session_user})
 * @param superuser whether that role is a superuser (it could {@code reset role} and do
 * anything, whatever role it then sets)
 * @param ownedTables how many tables that role owns, itself or through a role it belongs
 * to (an owner can alter, drop and disable the audit trail's triggers)
 */
record ServerFacts(String fsync, String synchronousCommit, String login, boolean superuser, long ownedTables) {

	static ServerFacts read(JdbcClient jdbc) {
		return jdbc.sql("""
				select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit,
				       session_user::text as login,
				       (select rolsuper from pg_roles where rolname = session_user) as superuser,
				       (select count(*) from pg_class c join pg_namespace n on n.oid = c.relnamespace
				        where c.relkind in ('r', 'p') and n.nspname not in ('pg_catalog', 'information_schema')
				          and n.nspname not like 'pg\\_%' and pg_has_role(session_user, c.relowner, 'MEMBER'))
				           as owned_tables""")
			.query((rs, row) -> new ServerFacts(rs.getString("fsync"), rs.getString("synchronous_commit"),
					rs.getString("login"), rs.getBoolean("superuser"), rs.getLong("owned_tables")))
			.single();
	}

}
