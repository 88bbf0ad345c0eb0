package org.kapclinic.measures;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * The result of scoring one administration.
 *
 * @param total null when incomplete (or for instruments without a total)
 * @param severity the band code (lower-case, hyphenated), null when incomplete or
 * unbanded
 * @param complete every scored item answered (or a total entered)
 */
record Score(BigDecimal total, String severity, Map<String, Integer> subscales, List<String> flags, boolean complete) {
}
