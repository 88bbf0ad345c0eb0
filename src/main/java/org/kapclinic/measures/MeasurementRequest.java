package org.kapclinic.measures;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * An administration to score: {@code answers} (one per item, in order, null when
 * unanswered) for a form, or {@code total} (plus {@code risk} for C-SSRS and optional
 * {@code itemScores}) for a score-entry instrument.
 */
record MeasurementRequest(@NotBlank @Size(max = 40) String instrument, @Size(max = 100) List<Integer> answers,
		BigDecimal total, @Size(max = 20) String risk, @Size(max = 100) Map<String, Integer> itemScores,
		Instant administeredAt) {
}
