package org.kapclinic.identity;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Clinicians' NPIs, for the rendering provider on superbills (issue 20). Staff without
 * one are absent.
 */
@Component
public class ClinicianNpis {

	private final JdbcClient jdbc;

	ClinicianNpis(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A clinician who can be named as the rendering provider. */
	public record Clinician(UUID id, String displayName, String npi) {
	}

	/**
	 * Active staff with an NPI, by name: whom a charge may name as its rendering
	 * provider.
	 */
	public java.util.List<Clinician> all() {
		return this.jdbc.sql(
				"select id, display_name, npi from identity.app_user where npi is not null and active order by display_name")
			.query((rs, n) -> new Clinician(rs.getObject("id", UUID.class), rs.getString("display_name"),
					rs.getString("npi")))
			.list();
	}

	public Map<UUID, String> of(Collection<UUID> staffIds) {
		Map<UUID, String> npis = new HashMap<>();
		if (staffIds.isEmpty()) {
			return npis;
		}
		this.jdbc.sql("select id, npi from identity.app_user where id = any(?) and npi is not null")
			.param(staffIds.stream().distinct().toArray(UUID[]::new))
			.query((rs, n) -> npis.put(rs.getObject("id", UUID.class), rs.getString("npi")))
			.list();
		return npis;
	}

}
