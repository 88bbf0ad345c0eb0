package org.kapclinic.fund;

import java.util.ArrayList;
import java.util.List;

import org.kapclinic.fund.FundApplicationRequests.DecisionRequest;
import org.kapclinic.scheduling.CoursePrograms.CourseChoice;
import org.kapclinic.shared.InvalidInputException;
import org.kapclinic.shared.InvalidInputException.FieldProblem;

/** The committee's decision as sent, checked field by field (400 with each problem). */
final class FundDecisionChecks {

	/** The most sessions one award pays for: longer than any course template's plan. */
	static final int MAX_SESSIONS = 100;

	private FundDecisionChecks() {
	}

	/**
	 * The restriction an award spends (null for a declined application).
	 * @param courses the patient's courses, one of which an award of sessions names
	 */
	static Restriction validate(DecisionRequest request, boolean award, List<CourseChoice> courses) {
		List<FieldProblem> problems = new ArrayList<>();
		if (!award && !"DECLINED".equals(request.decision())) {
			problems.add(new FieldProblem("decision", "AWARDED or DECLINED"));
		}
		Restriction restriction = null;
		if (award) {
			if (request.amountMinor() == null || request.amountMinor() <= 0) {
				problems.add(new FieldProblem("amountMinor",
						"the award in cents, above 0 (for sessions: the most the fund pays for them)"));
			}
			restriction = Restriction.parse(request.restriction()).orElse(null);
			if (restriction == null) {
				problems.add(new FieldProblem("restriction", Restriction.expected()));
			}
			sessions(request, courses, problems);
		}
		else if (request.sessions() != null || request.courseId() != null) {
			problems.add(new FieldProblem("sessions", "only with an award"));
		}
		if (request.reason() == null || request.reason().isBlank() || request.reason().strip().length() > 2000) {
			problems.add(new FieldProblem("reason", "why, 1–2000 characters"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException(problems);
		}
		return restriction;
	}

	private static void sessions(DecisionRequest request, List<CourseChoice> courses, List<FieldProblem> problems) {
		if (request.sessions() == null && request.courseId() == null) {
			return;
		}
		if (request.sessions() == null || request.sessions() < 1 || request.sessions() > MAX_SESSIONS) {
			problems.add(new FieldProblem("sessions", "the number of sessions awarded, 1–" + MAX_SESSIONS));
		}
		if (request.courseId() == null || courses.stream().noneMatch((c) -> c.id().equals(request.courseId()))) {
			problems.add(new FieldProblem("courseId",
					courses.isEmpty()
							? "this patient has no course yet: award an amount, or wait until the course is planned"
							: "one of this patient's courses, whose sessions the award pays for"));
		}
	}

}
