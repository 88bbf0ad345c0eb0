package org.kapclinic.shared;

import java.util.List;

/**
 * A business rule rejected the input (for example a minor without a guardian). Carries
 * field-level messages so the API answers 400 problem+json and forms show them next to
 * the field.
 */
public class InvalidInputException extends RuntimeException {

	private final List<FieldProblem> problems;

	public InvalidInputException(List<FieldProblem> problems) {
		super(problems.isEmpty() ? "Invalid input" : problems.get(0).field() + ": " + problems.get(0).message());
		this.problems = List.copyOf(problems);
	}

	public static InvalidInputException of(String field, String message) {
		return new InvalidInputException(List.of(new FieldProblem(field, message)));
	}

	public List<FieldProblem> problems() {
		return this.problems;
	}

	/** One rejected field and why. */
	public record FieldProblem(String field, String message) {
	}

}
