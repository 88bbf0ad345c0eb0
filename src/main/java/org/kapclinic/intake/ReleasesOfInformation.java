package org.kapclinic.intake;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.kapclinic.shared.InvalidInputException.FieldProblem;

/**
 * A release of information (HIPAA authorization, 45 CFR 164.508): what it must say
 * (recipient, scope, expiry), which content categories it may list, and whether a signed
 * one covers a disclosure to a provider today.
 */
public final class ReleasesOfInformation {

	/**
	 * What a release of information may name in its {@code content} detail (a
	 * comma-separated list). Psychotherapy (private process) notes are never among them:
	 * they need an authorization of their own (45 CFR 164.508(a)(2), security.md 2b).
	 */
	public static final Map<String, String> CONTENT_LABELS = contentLabels();

	public static final List<String> CONTENT = List.copyOf(CONTENT_LABELS.keySet());

	private ReleasesOfInformation() {
	}

	private static Map<String, String> contentLabels() {
		Map<String, String> labels = new java.util.LinkedHashMap<>();
		labels.put("COURSE_STATUS", "Course status");
		labels.put("DOSES", "Doses given");
		labels.put("OUTCOMES", "Outcome scores");
		labels.put("INTEGRATION_THEMES", "Integration themes");
		return java.util.Collections.unmodifiableMap(labels);
	}

	/**
	 * The newest active release of information among the signatures (signed, not
	 * withdrawn, not past its {@code expiresOn}) that names this provider (by
	 * {@code providerId}, or by {@code recipientName} when the release names no provider
	 * id) and lists every requested content category. A release without a {@code content}
	 * list (free-text scope only) covers no structured disclosure.
	 */
	static Optional<ReleaseCoverage> covering(List<ConsentSignature> signatures, UUID providerId, String providerName,
			Collection<String> content, LocalDate today) {
		List<ConsentSignature> candidates = new ArrayList<>(signatures);
		java.util.Collections.reverse(candidates);
		for (ConsentSignature signature : candidates) {
			if (!ConsentService.RELEASE.equals(signature.document()) || !signature.active()) {
				continue;
			}
			Map<String, String> details = signature.details();
			LocalDate expiresOn = parseDate(details.get("expiresOn"));
			if (expiresOn == null || expiresOn.isBefore(today)) {
				continue;
			}
			String namedId = details.get("providerId");
			boolean namesProvider = (namedId != null && !namedId.isBlank())
					? namedId.trim().equalsIgnoreCase(String.valueOf(providerId))
					: providerName != null && details.get("recipientName") != null
							&& details.get("recipientName").trim().equalsIgnoreCase(providerName.trim());
			if (namesProvider && contentOf(details).containsAll(content)) {
				return Optional.of(new ReleaseCoverage(signature.id(), signature.version(), signature.signedAt(),
						expiresOn, contentOf(details)));
			}
		}
		return Optional.empty();
	}

	static List<FieldProblem> problems(Map<String, String> details) {
		List<FieldProblem> problems = new ArrayList<>();
		for (String field : List.of("recipientName", "scope", "expiresOn")) {
			if (details.get(field) == null || details.get(field).isBlank()) {
				problems.add(new FieldProblem("details." + field, "is required for a release of information"));
			}
		}
		if (details.get("expiresOn") != null && !details.get("expiresOn").isBlank()) {
			try {
				LocalDate.parse(details.get("expiresOn"));
			}
			catch (DateTimeParseException ex) {
				problems.add(new FieldProblem("details.expiresOn", "must be a date (YYYY-MM-DD)"));
			}
		}
		for (String code : contentOf(details)) {
			if (!CONTENT.contains(code)) {
				problems.add(new FieldProblem("details.content", "unknown content " + code + "; one of " + CONTENT
						+ " (psychotherapy notes need their own authorization)"));
			}
		}
		String providerId = details.get("providerId");
		if (providerId != null && !providerId.isBlank()) {
			try {
				UUID.fromString(providerId.trim());
			}
			catch (IllegalArgumentException ex) {
				problems.add(new FieldProblem("details.providerId", "must be an outside provider's id"));
			}
		}
		return problems;
	}

	static Set<String> contentOf(Map<String, String> details) {
		String listed = details.get("content");
		if (listed == null || listed.isBlank()) {
			return Set.of();
		}
		Set<String> codes = new LinkedHashSet<>();
		for (String code : listed.split(",")) {
			if (!code.isBlank()) {
				codes.add(code.trim().toUpperCase(java.util.Locale.ROOT));
			}
		}
		return codes;
	}

	private static LocalDate parseDate(String value) {
		try {
			return (value == null) ? null : LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException ex) {
			return null;
		}
	}

}
