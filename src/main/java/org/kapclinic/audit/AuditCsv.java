package org.kapclinic.audit;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The audit report as CSV (RFC 4180). A cell that a spreadsheet would run as a formula
 * (starting with =, +, - or @) is prefixed with an apostrophe (OWASP CSV injection): the
 * detail column holds text that users typed.
 */
final class AuditCsv {

	private static final String HEADER = "id,occurred_at_utc,user,roles,action,resource_type,resource_id,patient,"
			+ "data_category,outcome,channel,client_address,detail\r\n";

	private AuditCsv() {
	}

	static String write(List<AuditEntry> entries, Map<UUID, String> patients) {
		StringBuilder csv = new StringBuilder(HEADER);
		for (AuditEntry e : entries) {
			row(csv, String.valueOf(e.id()), DateTimeFormatter.ISO_INSTANT.format(e.occurredAt()), e.actorName(),
					e.actorRoles(), e.action(), e.resourceType(), e.resourceId(),
					(e.patientId() != null) ? patients.getOrDefault(e.patientId(), e.patientId().toString())
							: (e.patientIds() != null) ? e.patientIds().size() + " patients shown" : null,
					e.dataCategory(), e.outcome(), e.channel(), e.clientAddress(), e.detail());
		}
		return csv.toString();
	}

	private static void row(StringBuilder csv, String... cells) {
		for (int i = 0; i < cells.length; i++) {
			if (i > 0) {
				csv.append(',');
			}
			csv.append(cell(cells[i]));
		}
		csv.append("\r\n");
	}

	static String cell(String value) {
		if (value == null) {
			return "";
		}
		String text = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
			return "\"" + text.replace("\"", "\"\"") + "\"";
		}
		return text;
	}

}
