package org.kapclinic.dosing;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.kapclinic.shared.ConflictException;
import org.kapclinic.shared.RuleViolationException;

/**
 * What the session aggregate answers a step ({@link DosingSession#order},
 * {@link DosingSession#administer}, {@link DosingSession#discharge},
 * {@link DosingSession#recordVitals}): the state it moves to, or why not. Deciding is
 * pure (no database, no clock of its own), so the safety rules are unit-tested as
 * decisions; the services store an allowed step and turn a refusal into its answer.
 *
 * @param next the state after the step (the same state when the step does not move it)
 * @param refusal why the step may not happen now; null when it may
 */
record SessionDecision(SessionState next, Refusal refusal) {

	static SessionDecision to(SessionState next) {
		return new SessionDecision(next, null);
	}

	static SessionDecision refused(Refusal refusal) {
		return new SessionDecision(null, refusal);
	}

	boolean allowed() {
		return this.refusal == null;
	}

	/** The next state, or the refusal as the exception the API answers with. */
	SessionState orThrow(UUID sessionId) {
		if (this.refusal != null) {
			throw this.refusal.exception(sessionId);
		}
		return this.next;
	}

	/** 409 unless the session is in one of the states. */
	static SessionDecision requireState(SessionState state, String step, SessionState... allowed) {
		if (Arrays.asList(allowed).contains(state)) {
			return to(state);
		}
		return refused(Refusal
			.notNow(step + " is not possible while the session is " + state.label().toLowerCase(java.util.Locale.ROOT)
					+ " (possible when "
					+ Arrays.stream(allowed)
						.map((a) -> a.label().toLowerCase(java.util.Locale.ROOT))
						.collect(java.util.stream.Collectors.joining(" or "))
					+ ")", List.of())
			.with("state", state.name())
			.with("allowedStates", Arrays.stream(allowed).map(Enum::name).toList()));
	}

	/**
	 * Why a step may not happen.
	 *
	 * @param rule true for a clinical rule broken by the request itself (422: change the
	 * request), false for "not now" (409: something must happen first)
	 * @param message the sentence shown to people
	 * @param items the open items (409: {@code openItems}) or the reasons (422)
	 * @param properties further fields of the problem (state, remainingMinutes…)
	 */
	record Refusal(boolean rule, String message, List<String> items, Map<String, Object> properties) {

		static Refusal notNow(String message, List<String> openItems) {
			return new Refusal(false, message, List.copyOf(openItems), Map.of());
		}

		static Refusal rule(String message, List<String> reasons) {
			return new Refusal(true, message, List.copyOf(reasons), Map.of());
		}

		Refusal with(String name, Object value) {
			Map<String, Object> more = new LinkedHashMap<>(this.properties);
			more.put(name, value);
			return new Refusal(this.rule, this.message, this.items, Map.copyOf(more));
		}

		RuntimeException exception(UUID sessionId) {
			if (this.rule) {
				return new RuleViolationException(this.message, this.items);
			}
			ConflictException conflict = new ConflictException(this.message, SessionGuard.RESOURCE, sessionId);
			if (!this.items.isEmpty()) {
				conflict.with("openItems", this.items);
			}
			this.properties.forEach(conflict::with);
			return conflict;
		}

	}

}
