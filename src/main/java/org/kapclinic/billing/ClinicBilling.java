package org.kapclinic.billing;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.kapclinic.audit.AuditAction;
import org.kapclinic.audit.AuditEvent;
import org.kapclinic.audit.AuditTrail;
import org.kapclinic.audit.DataCategory;
import org.kapclinic.identity.CurrentUser;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;
import org.kapclinic.shared.Npi;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic as billing provider on its superbills (CMS-1500 items 25, 32 and 33): name,
 * address, NPI (check digit verified) and TIN, and the place of service (11, office, by
 * default: CMS Place of Service Code Set).
 */
@Service
@Transactional
public class ClinicBilling {

	/** {@code {"name","address","npi","tin","placeOfService"}}. */
	public record Details(String name, String address, String npi, String tin,
			String placeOfService) implements java.io.Serializable {
	}

	private final JdbcClient jdbc;

	private final CurrentUser currentUser;

	private final AuditTrail audit;

	private final Clock clock;

	ClinicBilling(JdbcClient jdbc, CurrentUser currentUser, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.currentUser = currentUser;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Optional<Details> details() {
		return this.jdbc.sql("select * from billing.clinic")
			.query((rs, n) -> new Details(rs.getString("name"), rs.getString("address"), rs.getString("npi"),
					rs.getString("tin"), rs.getString("place_of_service")))
			.optional();
	}

	@PreAuthorize("hasRole('ADMIN')")
	public Details save(Details request) {
		List<FieldProblem> problems = new ArrayList<>();
		if (request.name() == null || request.name().isBlank() || request.name().length() > 200) {
			problems.add(new FieldProblem("name", "the practice's name, 1–200 characters"));
		}
		if (request.address() == null || request.address().isBlank() || request.address().length() > 500) {
			problems.add(new FieldProblem("address", "the practice's address, 1–500 characters"));
		}
		if (!Npi.valid(request.npi())) {
			problems.add(new FieldProblem("npi", Npi.problem()));
		}
		if (request.tin() == null || !request.tin().matches("[0-9]{2}-?[0-9]{7}")) {
			problems.add(new FieldProblem("tin", "the practice's tax identification number, 9 digits (12-3456789)"));
		}
		String place = (request.placeOfService() == null || request.placeOfService().isBlank()) ? "11"
				: request.placeOfService().strip();
		if (!place.matches("[0-9]{2}")) {
			problems.add(new FieldProblem("placeOfService", "a two-digit CMS place of service code (11: office)"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		this.jdbc
			.sql("""
					insert into billing.clinic (singleton, name, address, npi, tin, place_of_service, updated_at, updated_by)
					values (true, ?, ?, ?, ?, ?, ?, ?)
					on conflict (singleton) do update set name = excluded.name, address = excluded.address,
					    npi = excluded.npi, tin = excluded.tin, place_of_service = excluded.place_of_service,
					    updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
			.params(request.name().strip(), request.address().strip(), request.npi(), request.tin(), place,
					Timestamp.from(Instant.now(this.clock)), this.currentUser.require().id())
			.update();
		this.audit.record(AuditEvent.of(AuditAction.UPDATE, "ClinicBilling", "clinic")
			.category(DataCategory.ADMINISTRATION)
			.detail("billing provider details"));
		return details().orElseThrow();
	}

}
