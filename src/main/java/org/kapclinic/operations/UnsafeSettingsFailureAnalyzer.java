package org.kapclinic.operations;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints the refused settings as Spring Boot's start-up failure report, without a trace.
 */
class UnsafeSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingsException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingsException cause) {
		return new FailureAnalysis(cause.getMessage(),
				"Change each setting named above (docs/operations.md, \"Production guards\"), then start again.",
				cause);
	}

}
